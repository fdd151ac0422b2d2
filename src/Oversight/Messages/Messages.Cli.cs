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

    public static string DraftWritten(string whatNotTaken) => $"已生成征求意见稿（文件名含“草稿”），未占用{whatNotTaken}；确认无误后加 --issue 正式印发。";

    public static string ClockWarning(string problem) =>
        $"注意：{problem}。正式印发前请先校准服务器时间，否则印发会被拒绝（确认时间无误的可加 --confirm-clock）。";

    public const string YearOrQuarter = "--year 与 --quarter 只能给一个。";

    public static string SchemeIsForCenters(string scheme) => $"规则文件“{scheme}”是考核中心的（subject: center），请用 oversight report annual。";

    public static string SchemeIsForStaff(string scheme) => $"规则文件“{scheme}”是考核窗口工作人员的（subject: staff），请用 oversight report staff。";

    public static string AssessmentIssued(string publishedOn, string deadline, string workingDays) =>
        $"已印发，得分已保存。公示期自 {publishedOn} 起至 {deadline}（{workingDays} 个工作日）。";

    public static string ScoresWorkbook(string path) => $"得分及逐条计分（XLSX）：{path}";

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

}
