using Dapper;
using Oversight.Analytics;
using Oversight.Ingest;
using Oversight.Warehouse;

namespace Oversight.Jobs;

/// <summary>The nightly run: load the inbox, then keep the models current and score the month just ended and the
/// month under way. Marts are views over the facts, so they are current as soon as the load commits.</summary>
public static class NightlyWork
{
    public sealed record Counts(int FilesLoaded, int FilesSetAside, long RowsLoaded, long RowsRejected, bool Retrained, int FlagsScored, IReadOnlyList<string> Notes);

    public static Counts Run(CountyWarehouse warehouse, ServiceSettings s, byte[] key, DateTime now, TextWriter log, CancellationToken ct)
    {
        var c = warehouse.Connection;
        var inbox = s.Resolve(s.Inbox);
        Directory.CreateDirectory(inbox);
        log.WriteLine($"{now:yyyy-MM-dd HH:mm:ss} {Messages.InboxLoading(inbox)}");
        var report = CountyJobs.Ingest(warehouse, key, new IngestOptions(inbox) { RejectThreshold = s.RejectThreshold, RejectThresholdMinRows = s.RejectThresholdMinRows, SettleSeconds = s.SettleSeconds, Profiles = s.LoadHeaderProfiles() }, new Progress<string>(line => log.WriteLine($"  {line}")), ct);
        var loaded = report.Files.Count(f => f.Outcome == Outcomes.Loaded);
        var setAside = report.Files.Count(f => f.Outcome == Outcomes.SetAside);
        foreach (var f in report.Files.Where(f => f.Outcome == Outcomes.SetAside))
            log.WriteLine("  " + Messages.FileSetAsideBecause(f.FileName, f.Reason));
        foreach (var f in report.Files.Where(f => f.Outcome is Outcomes.Waiting or Outcomes.Skipped))
            log.WriteLine($"  {Outcomes.InChinese(f.Outcome)} {f.FileName}：{f.Reason}");
        log.WriteLine("  " + Messages.NightlyIngestDone(loaded, setAside, report.RowsLoaded, report.RowsRejected));
        if (report.Order.Count > 1) log.WriteLine("  " + Messages.NightlyIngestOrder(report.Order));
        foreach (var warning in report.Warnings) log.WriteLine("  " + Messages.IngestWarning(warning));
        ct.ThrowIfCancellationRequested();

        var hasCases = c.ExecuteScalar<long>("SELECT count(*) FROM fct_case") > 0;
        var notes = new List<string>();
        if (!hasCases) return new Counts(loaded, setAside, report.RowsLoaded, report.RowsRejected, false, 0, notes);

        // Training and scoring read the case layers many times over; the load is committed, so they are read once.
        using var cache = MartCache.Materialize(c);
        // Retrain once a month: a model trained on everything before this month, for scoring from now on.
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var settings = new FlagSettings();
        var retrained = false;
        if (c.ExecuteScalar<long>("SELECT count(*) FROM ml_model WHERE as_of = $m", new { m = thisMonth.ToDateTime(TimeOnly.MinValue) }) == 0)
        {
            // Too little history to train is a fact about the data, not a failed night: the load stands.
            try
            {
                Flagging.Train(c, s.Resolve(s.Database), thisMonth, settings);
                retrained = true;
                log.WriteLine("  " + Messages.ModelRetrained(thisMonth));
            }
            catch (AnalyticsException ex)
            {
                notes.Add(Messages.ModelNotTrained(ex.Message));
                log.WriteLine($"  {notes[^1]}");
            }
        }
        var scored = 0;
        foreach (var month in new[] { thisMonth.AddMonths(-1), thisMonth })
        {
            ct.ThrowIfCancellationRequested();
            try { scored += Flagging.ScoreMonth(c, s.Resolve(s.Database), Calendar.Month.Of(month), settings).Flags.Count; }
            catch (AnalyticsException ex)
            {
                notes.Add(Messages.MonthNotScored(month, ex.Message));
                log.WriteLine($"  {notes[^1]}");
            }
        }
        log.WriteLine("  " + Messages.NightlyScored(scored));
        return new Counts(loaded, setAside, report.RowsLoaded, report.RowsRejected, retrained, scored, notes);
    }
}
