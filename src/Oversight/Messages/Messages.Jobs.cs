namespace Oversight;

// The nightly service: its log, its runs as status shows them, its settings file (Oversight.Jobs).
public static partial class Messages
{
    public const string NightlyJobName = "夜间任务";
    public const string MonthlyJobName = "月初报告任务";

    /// <param name="job">The job's name (<see cref="NightlyJobName"/>, <see cref="MonthlyJobName"/>).</param>
    public static string JobStarting(string job, long runId, DateTime scheduledFor, bool catchUp) =>
        $"开始{job}（第 {runId} 次，计划时间 {scheduledFor:yyyy-MM-dd HH:mm}，{(catchUp ? "补做错过的任务" : "按计划")}）";

    public static string JobDone(string job) => $"{job}完成";

    /// <summary>Stopped between steps: what was done is kept and the rest runs at the next start.</summary>
    public static string JobStoppedToRedo(string job) => $"{job}已按停止要求中止，下次启动时补做";

    public static string JobStopped(string job) => $"{job}已按停止要求中止";

    public static string JobFailedBecause(string job, string why) => $"{job}失败：{why}";

    /// <summary>Stored in job_run.error; status shows it.</summary>
    public const string JobCancelledReason = "服务停止，任务中止；已完成的文件已提交，其余下次启动时补做";

    /// <summary>Stored in job_run.error for a run a killed process left running; status shows it.</summary>
    public const string JobInterruptedReason = "进程在运行中被终止（断电、强制结束等），已在下次启动时补做";

    public static string InterruptedRunsFound(int runs) => $"发现 {runs} 次被中断的任务，现在补做。";

    public static string ServiceStarted(string nightlyCron, string monthlyCron) =>
        $"服务已启动：夜间任务 {nightlyCron}，月初报告任务 {monthlyCron}。按 Ctrl-C 或发送 SIGTERM 停止。";

    public const string ServiceStopping = "正在停止：等待当前文件导入完成或回滚……";
    public const string ServiceStopped = "服务已停止。";

    // What a run did, as status shows it (from job_run.counts).
    public static string MonthlyRunDone(string? month, int files) => $"生成 {month} 的报告，共写出 {files} 个文件。";

    /// <param name="notes">Why training or scoring was skipped (<see cref="ModelNotTrained"/>, <see cref="MonthNotScored"/>).</param>
    public static string NightlyRunDone(long filesLoaded, long filesSetAside, long rowsLoaded, long rowsRejected, bool retrained, long flagsScored,
        IReadOnlyList<string> notes) =>
        $"导入文件 {filesLoaded} 个、搁置 {filesSetAside} 个，导入 {rowsLoaded:N0} 行、拒绝 {rowsRejected:N0} 行；" +
        (retrained ? "重新训练了模型；" : "") + $"评分 {flagsScored:N0} 条。" +
        (notes.Count > 0 ? string.Join("；", notes) + "。" : "");

    // The nightly run's log.
    public static string InboxLoading(string inbox) => $"开始导入收件目录 {inbox}";

    public static string FileSetAsideBecause(string file, string? reason) => $"搁置 {file}：{reason}";

    public static string NightlyIngestDone(int files, int setAside, long rowsLoaded, long rowsRejected) =>
        $"导入完成：文件 {files} 个，搁置 {setAside} 个，导入 {rowsLoaded:N0} 行，拒绝 {rowsRejected:N0} 行";

    public static string NightlyIngestOrder(IReadOnlyList<string> order) => $"导入顺序：{string.Join("；", order)}";

    public static string ModelRetrained(DateOnly month) => $"已按 {month:yyyy-MM} 之前的数据重新训练模型";

    public static string ModelNotTrained(string why) => $"未训练模型：{why}";

    public static string MonthNotScored(DateOnly month, string why) => $"{month:yyyy-MM} 未评分：{why}";

    public static string NightlyScored(int flags) => $"评分完成：{flags} 条";

    // The monthly run's log.
    /// <param name="pdfNote">Why no PDF was made, or null.</param>
    public static string MonthlyBriefingWritten(string documentNumber, string html, string? pdfNote) =>
        $"月度通报（{documentNumber}）：{html}" + (pdfNote is null ? "" : $"（{pdfNote}）");

    public static string AnnualAssessmentWritten(string html, string appealDeadline) => $"年度考核：{html}，公示期至 {appealDeadline}";

    public static string InspectionPlanWritten(long planId, string restricted) => $"暗访工作提示（第 {planId} 份）已写入受限目录 {restricted}";

    // The service's settings file (ServiceSettings, SettingsFileCheck).
    public static string ServiceSettingsMissing(string full, string given) =>
        $"找不到服务设置文件：{full}。可用 oversight config init --service-settings {given} 生成一份默认设置。";

    /// <param name="setting">The setting whose value it is, or null when not known.</param>
    public static string ServiceSettingUnreadable(string file, long line, string? setting) =>
        $"服务设置文件 {file} 第 {line} 行{(setting is null ? "" : $"（设置项 {setting}）")}的值无法读取。";

    public static string SettingsFileExists(string path) =>
        $"设置文件 {path} 已存在，未覆盖（其中可能有本县改过的设置）。如确要换成默认设置，请加 --force；否则换一个文件名。";

    public static string ServiceSettingsEmpty(string file) => $"服务设置文件 {file} 是空的：应为一个 JSON 对象，例如 {{ \"inbox\": \"./inbox\" }}。";

    public static string ServiceSettingsNotObject(string file, int line) =>
        $"服务设置文件 {file} 第 {line} 行：整个文件应为一个 JSON 对象（以 {{ 开头、}} 结尾）。";

    /// <param name="near">The setting the user probably meant, or null.</param>
    public static string UnknownServiceSetting(string file, int line, string key, string? near, IEnumerable<string> settings) =>
        $"服务设置文件 {file} 第 {line} 行：没有名为“{key}”的设置项{(near is null ? "" : $"（是否想写“{near}”？）")}。" +
        $"可用的设置项：{string.Join("、", settings)}。";

    /// <param name="kind">What the value must be (the SettingKind… entries).</param>
    public static string ServiceSettingWrongType(string file, int line, string key, string kind) =>
        $"服务设置文件 {file} 第 {line} 行：设置项“{key}”的值应为{kind}。";

    public static string ServiceSettingsNotJson(string file, long line, long column) =>
        $"服务设置文件 {file} 第 {line} 行第 {column} 个字符附近：" +
        "不是有效的 JSON（常见原因：漏了逗号或引号、多了逗号或括号、路径中的 \\ 没有写成 \\\\）。";

    public const string SettingKindText = "用引号括起的文字（不能为空）";
    public const string SettingKindAnyText = "用引号括起的文字";
    public const string SettingKindInteger = "整数";
    public const string SettingKindNumber = "数字（如 0.05）";
    public const string SettingKindBoolean = "true 或 false（不加引号）";

    public static string SettingKindOrNull(string kind) => $"{kind}，或 null";

    public static string ServiceSettingBadCron(string file, string setting, string cron) =>
        $"服务设置文件 {file}：{setting} “{cron}”不是有效的 Quartz cron 表达式（例如 \"0 0 2 * * ?\" 表示每天 2:00）。";

    public static string ServiceSettingAtLeastOne(string file, string setting) => $"服务设置文件 {file}：{setting} 至少为 1。";

    public static string ServiceSettingBetween(string file, string setting, int min, int max) => $"服务设置文件 {file}：{setting} 应在 {min} 到 {max} 之间。";

    public static string ServiceSettingNegative(string file, string setting) => $"服务设置文件 {file}：{setting} 不能为负数。";

    public static string ServiceSettingEmpty(string file, string setting) => $"服务设置文件 {file}：{setting} 不能为空。";

    public static string ServiceSettingHeaderProfiles(string file, string why) => $"服务设置文件 {file}：header_profiles：{why}";

    public static string ServiceSettingRestrictedOverlapsReports(string file) =>
        $"服务设置文件 {file}：restricted（暗访工作提示）与 reports（月度通报）必须是互不包含的两个目录。";

    // The explanations `config init --service-settings` writes into the settings file, one above each setting.
    public const string ServiceSettingsFileHeading = "夜间服务设置。每项上方是说明；以 // 开头的行是注释，程序读取时忽略。改完后重启服务生效。";
    public const string AboutSettingDatabase = "数据库文件（相对路径以本设置文件所在目录为准）。一个数据库只存一个县（区）的数据。";
    public const string AboutSettingInbox = "收件目录：各单位报送的 CSV/XLSX 放在这里，每晚导入后移到其下的 archive（已导入）或 quarantine（被搁置，附原因）。";
    public const string AboutSettingReports = "月度通报、考核等可公开文件的输出目录。";
    public const string AboutSettingRestricted = "暗访工作提示的输出目录，仅服务账户可读；不得与 reports 相同或互相包含，不要放在共享盘。";
    public const string AboutSettingConfig =
        "本县设置文件夹：本县改过的指标设置、报告设置、考核方案、模板和表头映射放在这里，程序升级不会覆盖；其中没有的文件使用程序自带的默认值。" +
        "null 表示数据库旁的 county-config 文件夹。可用 oversight config init 把默认设置复制进去再修改。";
    public const string AboutSettingTemplates = "报告模板目录；null 表示使用程序自带的 report-templates（本县设置文件夹 report-templates 中的同名文件优先）。";
    public const string AboutSettingScoringRules = "年度考核计分规则文件；null 表示使用本县设置文件夹或模板目录中的 annual/rules.json。";
    public const string AboutSettingNightlyCron =
        "夜间任务（导入、训练、评分）的时间，Quartz cron 格式：秒 分 时 日 月 星期。\"0 0 2 * * ?\" 表示每天 2:00:00；? 表示不限星期。";
    public const string AboutSettingMonthlyCron =
        "月初任务（正式印发上月通报、12 月数据齐后印发年度考核、生成暗访工作提示）的时间。\"0 0 6 1 * ?\" 表示每月 1 日 6:00:00。";
    public const string AboutSettingRejectThreshold = "一个文件中被拒绝的行占比超过该值（0 到 1，如 0.05 即 5%）时，整个文件判为导出错误而搁置。";
    public const string AboutSettingRejectThresholdMinRows = "文件至少有这么多行时才按上面的占比整体搁置；行数更少的文件只拒绝出错的行。";
    public const string AboutSettingSettleSeconds = "文件大小和修改时间须保持不变的秒数；仍在复制中的文件留待下次导入。";
    public const string AboutSettingHeaderProfiles = "本县平台的表头映射文件（JSON）列表，在程序自带的映射和本县设置文件夹 profiles 中的映射之外使用。";
    public const string AboutSettingInspectionRecipient = "暗访工作提示的收件人。";
    public const string AboutSettingInspectionPlanSize = "暗访工作提示建议暗访的中心数。";
    public const string AboutSettingPdf = "是否同时生成 PDF（需要安装 Chromium）。";
}
