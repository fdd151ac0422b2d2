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
            Console.WriteLine(Messages.StatusDatabase(Path.GetFullPath(db)));
            Console.WriteLine(Messages.StatusSchemaVersion(version, Migrator.LatestVersion));
            foreach (var line in Privacy.PrivacyStatus.Lines(db, connection)) Console.WriteLine(line);
            // Every feed of the spec that keeps its own table; the 整改台账 has its own line below.
            foreach (var line in Ingest.FeedStatus.Lines(connection, Ingest.Feed.All)) Console.WriteLine(line);

            if (connection.ExecuteScalar<long>("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'rectification_item'") > 0)
                Console.WriteLine(Messages.StatusRectification(Rectification.RectificationLights.Summary(Rectification.RectificationLights.For(connection, DateOnly.FromDateTime(DateTime.Now)))));
            Console.WriteLine(Messages.StatusRecentLoads);
            foreach (var r in connection.Query<(long Id, DateTime Started, DateTime? Finished, int? Seen, int? Loaded, int? Aside, long? Rows, long? Rejected, string? Outcome)>(
                         "SELECT run_id, started_at, finished_at, files_seen, files_loaded, files_set_aside, rows_loaded, rows_rejected, outcome FROM load_run ORDER BY run_id DESC LIMIT 5"))
            {
                Console.WriteLine(r.Finished is null
                    ? Messages.StatusLoadUnfinished(r.Id, r.Started)
                    : Messages.StatusLoadFinished(r.Id, r.Started, r.Outcome, r.Seen, r.Loaded, r.Aside, r.Rows, r.Rejected));
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
                Console.WriteLine(Messages.StatusSetAsideHeading);
                foreach (var f in setAside) Console.WriteLine(Messages.StatusSetAsideFile(f.At, f.File, f.Reason));
            }
            var rejected = connection.ExecuteScalar<long>("SELECT count(*) FROM load_reject");
            if (rejected > 0) Console.WriteLine(Messages.StatusRejectedRows(rejected));

            var jobs = connection.Query<(string Job, DateTime Scheduled, string Trigger, DateTime Started, DateTime? Finished, string Outcome, string? Counts, string? Error)>(
                "SELECT job, scheduled_for, trigger, started_at, finished_at, outcome, counts, error FROM job_run ORDER BY run_id DESC LIMIT 8").ToList();
            if (jobs.Count > 0)
            {
                Console.WriteLine(Messages.StatusJobsHeading);
                foreach (var j in jobs)
                    Console.WriteLine(Messages.StatusJob(j.Started, Jobs.JobRunner.Name(j.Job), j.Scheduled, j.Trigger == "catch-up", Outcome(j.Outcome),
                        j.Finished - j.Started, j.Error, Jobs.JobHistory.Sentence(j.Job, j.Counts)));
            }

            PlanLog(RestrictedFolder(parse, db));

            foreach (var year in connection.Query<int>("SELECT year FROM core_calendar_gaps"))
                Console.WriteLine(Messages.CalendarGap(year));
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
            Console.WriteLine(Messages.Note(ex.Message));
            return;
        }
        if (plans.Count == 0) return;
        Console.WriteLine(Messages.PlanLogHeading(plans.Count, store.Folder));
        foreach (var p in plans)
            Console.WriteLine(Messages.PlanLogLine(p.GeneratedAt, p.GeneratedBy.Length > 0 ? p.GeneratedBy : p.Account, p.Month, p.Recipient));
    }

    private static string Outcome(string outcome) => outcome switch
    {
        "succeeded" => Messages.JobSucceeded,
        "failed" => Messages.JobFailed,
        "running" => Messages.JobRunning,
        "interrupted" => Messages.JobInterrupted,
        "cancelled" => Messages.JobCancelled,
        _ => outcome,
    };
}
