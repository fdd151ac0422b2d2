namespace Oversight;

// oversight status: the warehouse at a glance.
public static partial class Messages
{
    public static string StatusDatabase(string path) => $"数据库：{path}";

    public static string StatusSchemaVersion(int version, int latest) =>
        $"结构版本：{version} / {latest}" + (version < latest ? "（落后，下次写入时自动升级，或运行 oversight init）" : "");

    public static string StatusFeedRows(string feed, long rows, IEnumerable<string> columns) =>
        $"  {feed,-8}{rows,12:N0} 条；列：{string.Join("、", columns)}";

    public static string StatusRectification(string summary) => $"整改台账：{summary}";

    public const string StatusRecentLoads = "最近的导入：";

    public static string StatusLoadUnfinished(long run, DateTime started) =>
        $"  第 {run} 次 {started:yyyy-MM-dd HH:mm} 未完成（进程被中断；未提交的文件会在下次导入时重新导入）";

    public static string StatusLoadFinished(long run, DateTime started, string? outcome, int? seen, int? loaded, int? setAside, long? rows, long? rejected) =>
        $"  第 {run} 次 {started:yyyy-MM-dd HH:mm} {outcome}：文件 {seen} 个（导入 {loaded}，搁置 {setAside}），导入 {rows:N0} 行，拒绝 {rejected:N0} 行";

    public const string StatusSetAsideHeading = "被搁置的文件（已移到收件目录的 quarantine 子目录，旁边有 .reason.txt）：";

    public static string StatusSetAsideFile(DateTime at, string file, string? reason) => $"  {at:yyyy-MM-dd HH:mm} {file}：{reason}";

    public static string StatusRejectedRows(long rows) => $"被拒绝的行共 {rows:N0} 行，用 oversight rejects 查看。";

    public const string StatusJobsHeading = "夜间服务最近的任务：";

    /// <param name="outcome">The outcome as the user reads it (<see cref="JobSucceeded"/> …).</param>
    /// <param name="done">What the job did, as <c>JobHistory.Sentence</c> puts it; empty when nothing.</param>
    public static string StatusJob(DateTime started, string job, DateTime scheduled, bool catchUp, string outcome, TimeSpan? took, string? error, string done) =>
        $"  {started:yyyy-MM-dd HH:mm} {job}（计划 {scheduled:MM-dd HH:mm}{(catchUp ? "，补做" : "")}）" +
        $"{outcome}{(took is { } t ? $"，用时 {t.TotalSeconds:F0} 秒" : "")}" +
        (error is null ? "" : $"：{error}") + (done is { Length: > 0 } ? $"：{done}" : "");

    public const string JobSucceeded = "成功";
    public const string JobFailed = "失败";
    public const string JobRunning = "正在运行";
    public const string JobInterrupted = "被中断（已补做）";
    public const string JobCancelled = "因服务停止而中止";

    public static string CalendarGap(int year) => $"注意：{year} 年没有节假日日历，该年按周一至周五计算工作日。请报送“日历”表。";

    public static string PlanLogHeading(int plans, string folder) => $"暗访工作提示生成记录（最近 {plans} 次，来自受限目录 {folder}）：";

    /// <param name="planMonth">The month the plan was drawn from; its visits are in the month after.</param>
    public static string PlanLogLine(DateTime at, string by, DateOnly planMonth, string recipient) =>
        $"  {at:yyyy-MM-dd HH:mm} {by} 生成 {planMonth.AddMonths(1):yyyy-MM} 的提示，收件人 {recipient}";
}
