using System.CommandLine;
using Dapper;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "查看数据库状态：结构版本、各表行数、最近导入、被搁置的文件、日历缺口") { RestrictedOption };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var db = parse.GetValue(CommonOptions.Db)!;
            using var connection = Database.Open(db, readOnly: true);
            var version = Migrator.CurrentVersion(connection);
            Console.WriteLine($"数据库：{Path.GetFullPath(db)}");
            Console.WriteLine($"结构版本：{version} / {Migrator.LatestVersion}" +
                              (version < Migrator.LatestVersion ? "（落后，下次写入时自动升级，或运行 oversight init）" : ""));
            foreach (var line in Privacy.PrivacyStatus.Lines(db, connection)) Console.WriteLine(line);
            // Every feed of the spec that keeps its own table; the 整改台账 has its own line below.
            foreach (var line in Ingest.FeedStatus.Lines(connection, Ingest.Feed.All)) Console.WriteLine(line);

            if (connection.ExecuteScalar<long>("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'rectification_item'") > 0)
                Console.WriteLine($"整改台账：{Rectification.RectificationLights.Summary(Rectification.RectificationLights.For(connection, DateOnly.FromDateTime(DateTime.Now)))}");
            Console.WriteLine("最近的导入：");
            foreach (var r in connection.Query<(long Id, DateTime Started, DateTime? Finished, int? Seen, int? Loaded, int? Aside, long? Rows, long? Rejected, string? Outcome)>(
                         "SELECT run_id, started_at, finished_at, files_seen, files_loaded, files_set_aside, rows_loaded, rows_rejected, outcome FROM load_run ORDER BY run_id DESC LIMIT 5"))
            {
                Console.WriteLine(r.Finished is null
                    ? $"  第 {r.Id} 次 {r.Started:yyyy-MM-dd HH:mm} 未完成（进程被中断；未提交的文件会在下次导入时重新导入）"
                    : $"  第 {r.Id} 次 {r.Started:yyyy-MM-dd HH:mm} {r.Outcome}：文件 {r.Seen} 个（导入 {r.Loaded}，搁置 {r.Aside}），导入 {r.Rows:N0} 行，拒绝 {r.Rejected:N0} 行");
            }

            var setAside = connection.Query<(string File, string? Reason, DateTime At)>(
                """
                SELECT file_name, reason, loaded_at FROM load_file f
                WHERE outcome = 'set_aside'
                  AND NOT EXISTS (SELECT 1 FROM load_file l WHERE l.sha256 = f.sha256 AND l.outcome = 'loaded')
                ORDER BY loaded_at DESC LIMIT 10
                """).ToList();
            if (setAside.Count > 0)
            {
                Console.WriteLine("被搁置的文件（已移到收件目录的 quarantine 子目录，旁边有 .reason.txt）：");
                foreach (var f in setAside) Console.WriteLine($"  {f.At:yyyy-MM-dd HH:mm} {f.File}：{f.Reason}");
            }
            var rejected = connection.ExecuteScalar<long>("SELECT count(*) FROM load_reject");
            if (rejected > 0) Console.WriteLine($"被拒绝的行共 {rejected:N0} 行，用 oversight rejects 查看。");

            var jobs = connection.Query<(string Job, DateTime Scheduled, string Trigger, DateTime Started, DateTime? Finished, string Outcome, string? Counts, string? Error)>(
                "SELECT job, scheduled_for, trigger, started_at, finished_at, outcome, counts, error FROM job_run ORDER BY run_id DESC LIMIT 8").ToList();
            if (jobs.Count > 0)
            {
                Console.WriteLine("夜间服务最近的任务：");
                foreach (var j in jobs)
                    Console.WriteLine($"  {j.Started:yyyy-MM-dd HH:mm} {Jobs.JobRunner.Name(j.Job)}（计划 {j.Scheduled:MM-dd HH:mm}{(j.Trigger == "catch-up" ? "，补做" : "")}）" +
                                      $"{Outcome(j.Outcome)}{(j.Finished is { } f ? $"，用时 {(f - j.Started).TotalSeconds:F0} 秒" : "")}" +
                                      (j.Error is null ? "" : $"：{j.Error}") + (Jobs.JobHistory.Sentence(j.Job, j.Counts) is { Length: > 0 } done ? $"：{done}" : ""));
            }

            PlanLog(RestrictedFolder(parse, db));

            foreach (var year in connection.Query<int>("SELECT year FROM core_calendar_gaps"))
                Console.WriteLine($"注意：{year} 年没有节假日日历，该年按周一至周五计算工作日。请报送“日历”表。");
            return 0;
        }));
        return command;
    }

    private static readonly Option<string?> RestrictedOption = new("--restricted")
    {
        Description = "暗访工作提示的受限目录（默认为数据库旁的 restricted 目录）；只有能读取该目录的账户才看到生成记录",
    };

    /// <summary>The restricted folder belonging to this warehouse: beside its database file, unless given.</summary>
    internal static string RestrictedFolder(ParseResult parse, string db) =>
        parse.GetValue(RestrictedOption) is { Length: > 0 } given ? given : BesideDatabase(db);

    internal static string BesideDatabase(string db) => Configuration.Defaults.RestrictedBeside(db);

    /// <summary>Who generated which confidential plan, not what it proposed, and only to an account that can read the
    /// restricted folder: the log is not in the warehouse, so a reader of the database sees nothing of it.</summary>
    private static void PlanLog(string folder)
    {
        var store = new Reports.Inspection.InspectionPlanStore(folder);
        if (!store.CanRead()) return;
        List<Reports.Inspection.StoredPlan> plans;
        try { plans = store.Load().OrderByDescending(p => p.PlanId).Take(5).ToList(); }
        catch (Reports.ReportException ex)
        {
            Console.WriteLine($"注意：{ex.Message}");
            return;
        }
        if (plans.Count == 0) return;
        Console.WriteLine($"暗访工作提示生成记录（最近 {plans.Count} 次，来自受限目录 {store.Folder}）：");
        foreach (var p in plans)
            Console.WriteLine($"  {p.GeneratedAt:yyyy-MM-dd HH:mm} {(p.GeneratedBy.Length > 0 ? p.GeneratedBy : p.Account)} 生成 {p.Month.AddMonths(1):yyyy-MM} 的提示，收件人 {p.Recipient}");
    }

    private static string Outcome(string outcome) => outcome switch
    {
        "succeeded" => "成功",
        "failed" => "失败",
        "running" => "正在运行",
        "interrupted" => "被中断（已补做）",
        "cancelled" => "因服务停止而中止",
        _ => outcome,
    };
}
