using Oversight.Demo;

namespace Oversight;

// oversight demo.
public static partial class Messages
{
    public static string DemoIntoDefaultDatabase(string db) =>
        $"演示数据不能导入默认数据库 {db}（那是本县数据的位置）。请不给 --db（演示数据库默认在 ./demo/oversight.duckdb），或给一个单独的路径。";

    public const string DemoGenerating = "生成演示数据";

    public static string DemoScope(int months) => $"南江县 32 个中心，{months} 个月";

    public static string DemoGenerated(DemoSummary s) =>
        $"已生成 {s.Files.Count} 个数据文件：中心 {s.Centers}、窗口 {s.Windows}、人员 {s.Staff}、" +
        $"事项 {s.Items}、办件 {s.Cases:N0}、投诉 {s.Complaints:N0}、回访 {s.Callbacks:N0}、" +
        $"视频抽查 {s.VideoChecks:N0}、暗访/明查 {s.Visits:N0}（另有 {s.BadRows} 行故意写错的数据）。";

    public const string DemoBuildingLedger = "生成整改台账";

    public static string DemoLedger(int assigned) => $"整改台账：近 12 个月交办 {assigned} 项。";

    public static string DemoDatabase(string path) => $"演示数据库：{path}（本县的数据请用另外的数据库，默认 ./oversight.duckdb）";

    public static string DemoHowToLook(string relativeDb) => $"查看演示数据时请给出 --db，例如：oversight status --db {relativeDb}";

    public static string DemoArchive(string folder) => $"已导入的文件：{folder}";

    public static string DemoQuarantine(string folder) => $"被搁置的文件：{folder}";

    public static string DemoTruth(string path) => $"预设问题（真实答案，模型不读取）：{path}";
}
