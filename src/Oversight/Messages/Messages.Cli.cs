using Oversight.Calendar;

namespace Oversight;

// What the command line prints (src/Oversight.Cli): results, notes and its own errors. Help texts stay beside their options.
public static partial class Messages
{
    public static string Error(string message) => $"错误：{message}";

    public static string InternalError(string type, string message) => $"错误：程序内部错误（{type}）：{message}";

    public static string Note(string message) => $"注意：{message}";

    // report monthly / annual / staff
    public const string IssueOptionsNeedIssue = "--doc-number 和 --date 只在正式印发时使用，请同时加 --issue；征求意见稿不编文号、不写成文日期。";

    public static string MonthlyIssued(string documentNumber, string issuedOn) => $"已印发。文号：{documentNumber}，成文日期：{issuedOn}";

    public static string AnnexWorkbook(string path) => $"附件明细（XLSX）：{path}";

    public static string TownshipPacks(int townships, string folder) => $"乡镇分送件：{townships} 个乡镇（街道，每个一份 Word、HTML 和 Markdown），在 {folder}";

    public const string MonthlyProgress = "印发月度通报";

    public const string MonthlyDraftProgress = "生成月度通报（征求意见稿）";

    public const string SummingUp = "汇总指标";

    // What a draft leaves untaken (DraftWritten).
    public const string MonthlyNotTaken = "文号和成文日期";
    public const string AssessmentNotTaken = "公示期（得分未保存）";

    /// <param name="whatNotTaken"><see cref="MonthlyNotTaken"/> or <see cref="AssessmentNotTaken"/>.</param>
    public static string DraftWritten(string whatNotTaken) => $"已生成征求意见稿（文件名含“草稿”），未占用{whatNotTaken}；确认无误后加 --issue 正式印发。";

    public static string ClockWarning(string problem) =>
        $"注意：{problem}。正式印发前请先校准服务器时间，否则印发会被拒绝（确认时间无误的可加 --confirm-clock）。";

    public const string YearOrQuarter = "--year 与 --quarter 只能给一个。";

    public static string SchemeIsForCenters(string scheme) => $"规则文件“{scheme}”是考核中心的（subject: center），请用 oversight report annual。";

    public static string SchemeIsForStaff(string scheme) => $"规则文件“{scheme}”是考核窗口工作人员的（subject: staff），请用 oversight report staff。";

    public static string AssessmentIssued(string publishedOn, string deadline, string workingDays) =>
        $"已印发，得分已保存。公示期自 {publishedOn} 起至 {deadline}（{workingDays} 个工作日）。";

    public static string AssessmentProgress(bool issuing, string period, bool staff) =>
        $"{(issuing ? "印发" : "生成")}{period}{(staff ? "窗口工作人员" : "")}考核{(issuing ? "" : "（征求意见稿）")}";

    public const string ScoringRules = "逐条计分";

    public static string AssessmentBand(string band, int subjects) => $"{band} {subjects} 个";

    /// <param name="bands">Each band as <see cref="AssessmentBand"/> puts it.</param>
    public static string AssessmentScored(string coverage, int subjects, bool staff, IEnumerable<string> bands) =>
        $"{coverage}：{subjects} 个{(staff ? "工作人员" : "中心")}，" + string.Join("，", bands);

    public static string ScoresWorkbook(string path) => $"得分及逐条计分（XLSX）：{path}";

    // report inspection
    public static string PlansMovedOut(int plans, string folder) => $"已把数据库中原有的 {plans} 份暗访计划记录移到受限目录 {folder}，数据库中不再保存。";

    public const string InspectionProgress = "生成暗访工作提示";

    public const string DrawingPlan = "汇总线索、抽取计划";

    public static string InspectionDrafted(string visitMonth, string recipient, int centers) =>
        $"已生成暗访工作提示征求意见稿（{visitMonth}，未编份号、未记入计划记录；确认后加 --issue 正式印发）" + InspectionTail(recipient, centers);

    public static string InspectionIssued(long planId, string visitMonth, string copyNumber, string recipient, int centers) =>
        $"已印发第 {planId} 份暗访工作提示（{visitMonth}，份号 {copyNumber}）" + InspectionTail(recipient, centers);

    private static string InspectionTail(string recipient, int centers) =>
        $"，收件人：{recipient}；建议暗访 {centers} 个中心。文件仅本人可读，请勿放入共享目录。";

    // config init / show
    public static string CountyFolder(string root) => $"本县设置文件夹：{root}";

    public static string CountyFolderMissing(string root) => $"本县设置文件夹：{root}（尚未建立，全部使用程序自带的默认值；可用 oversight config init 建立）";

    public static string CountyFileCopied(string file, bool written) => $"  {(written ? "已复制" : "已存在，保留本县的文件")}：{file}";

    public const string CountyFolderAdvice = "修改其中的文件即可，程序升级不会覆盖；删除某个文件即恢复使用程序自带的默认值。指标设置在下次打开数据库时生效，报告设置和模板在下次生成报告时生效。";

    public static string CountyFileInUse(string file, bool own) => $"  {(own ? "本县" : "自带")}  {file}";

    // serve
    public static string SettingsWritten(string path) => $"已写出夜间服务的默认设置：{path}";

    public static string WriteSettingsIsAnAlias(string target) =>
        $"提示：写设置文件请用 oversight config init --service-settings {target}（同时建立本县设置文件夹）；--write-settings 是它的旧名称。";

    public static string NoSettingsFile(string path, string database, string inbox) =>
        $"未找到设置文件 {path}，使用默认设置（数据库 {database}，收件目录 {inbox}）。";

    // file errors (CliRunner): .NET's are English
    public static string FileNotFound(string path) => $"找不到文件：{path}";

    public static string DirectoryNotFound(string path) => $"路径中的目录不存在：{path}";

    public static string NoPermission(string path) => $"没有权限读写：{path}（请检查文件和目录的权限，或换一个用户运行）";

    public static string FileFailed(string path, string why) => $"文件读写失败：{path}（{why}）";

    public static string FileFailed(string why) => $"文件读写失败：{why}";

    // appeal
    public static string AppealRecorded(long id, int year, int quarter) =>
        $"已登记第 {id} 号复核（该记录属于 {year} 年第 {quarter} 季度）。重新生成该期间的考核即可看到结果：" +
        $"oversight report annual --year {year}（季度考核：--quarter {year}Q{quarter}；窗口工作人员考核用 report staff）；" +
        "已印发的结果须加 --issue 重新印发，得分才会更新。";

    public const string NoAppeals = "没有复核记录。";

    // flags / train / backtest
    public const string TopAtLeastOne = "--top 至少为 1。";

    public static string FlagsHeading(Month month, string title, int withEvidence, int listed) =>
        $"{month.ChineseLabel} {title}（证据达到门槛的 {withEvidence} 个，列出 {listed} 个）：";

    public static string OverdueProneLabel(string label) => $"“易超期”窗口：{label}。";

    public static string BacktestHeading(long runId, Month first, Month last) =>
        $"回测结果（第 {runId} 次，{first.ChineseLabel}至{last.ChineseLabel}，每月只用此前的数据；各月平均）。";

    public static string BacktestLabel(string label) => $"窗口判定标准（“易超期”）：{label}。";

    public static string BacktestChoice(Month last, string choice) => $"{last.ChineseLabel}之后一个月的窗口{choice}。";

    // init / query
    public static string DatabaseInitialised(string path, int version, int applied) =>
        $"数据库：{path}（结构版本 {version}，本次执行 {applied} 个迁移）";

    public static string KeyFile(string path, bool existed) =>
        $"密钥文件：{path}（{(existed ? "已有，经核对与本数据库一致" : "新生成")}；仅所有者可读，请勿放入数据库或共享目录）";

    public const string BackUpKey = "请立即把密钥文件备份到安全的地方（如加密U盘，与数据库备份分开保存）：密钥丢失后，新导入的号码将无法与已入库的记录关联。";

    public static string RowsTotal(long rows) => $"共 {rows} 行";

    public const string Yes = "是";
    public const string No = "否";

}
