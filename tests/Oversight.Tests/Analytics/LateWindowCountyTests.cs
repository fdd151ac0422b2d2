using Dapper;
using Oversight.Analytics;
using Oversight.Privacy;
using Oversight.Reports.Inspection;
using Oversight.Warehouse;
using Xunit.Abstractions;

namespace Oversight.Tests.Analytics;

/// <summary>The flags on a hand-made county (<see cref="LateWindowCounty"/>): windows of very different sizes at the
/// same background late rate, planted small, middle and large windows that start running late in known months, and a
/// small and a middle empty hall. Walk-forward month by month through the real scoring (ranking basis chosen by the
/// backtest of the months before), the visit plan, and the CLI.</summary>
public class LateWindowCountyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void Planted_late_windows_are_found_within_a_month_whatever_their_size_no_window_for_volume_alone_and_both_empty_halls_are_planned()
    {
        LateWindowCounty.Write(_w);
        var load = _w.Ingest();
        Assert.Equal(0, load.RowsRejected);
        var windows = LateWindowCounty.Windows().ToDictionary(x => x.Code);
        var planted = windows.Values.Where(x => x.LateFrom is not null).ToList();
        var emptyHalls = new[] { LateWindowCounty.SmallEmpty, LateWindowCounty.MiddleEmpty };
        var key = KeyFile.Load(_w.DbPath);
        var history = new List<PastProposal>();
        var shown = new List<(DateOnly Month, Flag Flag)>();
        for (var month = new DateOnly(2025, 5, 1); month <= new DateOnly(2025, 10, 1); month = month.AddMonths(1))
        {
            var scoring = Flagging.ScoreMonth(_w.Connection, _w.DbPath, Oversight.Calendar.Month.Of(month), new FlagSettings());
            var top = scoring.Flags.Where(f => f is { Kind: Flag.WindowKind, Listed: true, Rank: <= 10 }).ToList();
            shown.AddRange(top.Select(f => (month, f)));
            output.WriteLine($"{month:yyyy-MM} {scoring.Choice.Text}");
            output.WriteLine("  " + string.Join(" ", top.Select(f => $"{f.Rank}:{f.Code}")));

            // Both empty halls: listed with the empty hall among their reasons, strong, and in the plan.
            var centers = scoring.Flags.Where(f => f.Kind == Flag.CenterKind).ToList();
            foreach (var code in emptyHalls)
            {
                var flag = centers.Single(f => f.Code == code);
                Assert.True(flag is { Listed: true, Strong: true }, $"{month:yyyy-MM} {code}: listed {flag.Listed}, strong {flag.Strong}");
                Assert.Contains(flag.Reasons, r => r.Contains("大厅无人"));
            }
            Assert.All(centers.Where(f => f.Listed), f => Assert.NotEmpty(f.Reasons));
            var candidates = _w.Connection.Query<CandidateRow>(SqlFiles.Read("reports/inspection/candidates.sql"),
                new { month = month.ToDateTime(TimeOnly.MinValue) }).ToList();
            var plan = new InspectionPlanner(key, 4).Draw(month, InspectionBriefingBuilder.PlanCandidates(candidates), history);
            foreach (var code in emptyHalls) Assert.Contains(plan.Proposals, p => p.CenterCode == code);
            history.AddRange(plan.Proposals.Select(p => new PastProposal(month, p.CenterCode, p.EvidenceKey)));
        }

        // Every planted window is in the shown top 10 within one month of its start, and every month after: small
        // as often as large.
        foreach (var p in planted)
        {
            var start = p.LateFrom!.Value;
            Assert.True(shown.Any(s => s.Flag.Code == p.Code && s.Month <= start.AddMonths(1)), $"{p.Code} ({p.CasesPerMonth} a month) not found by {start.AddMonths(1):yyyy-MM}");
            for (var m = start.AddMonths(1); m <= new DateOnly(2025, 10, 1); m = m.AddMonths(1))
                Assert.Contains(shown, s => s.Flag.Code == p.Code && s.Month == m);
        }

        // No window is shown for volume alone: every shown window cites a late rate above the county's with its
        // sample, and ordinary large windows are shown no more often than ordinary small ones.
        Assert.All(shown, s => Assert.Contains(s.Flag.Reasons, r => r.Contains("超期率") || r.Contains("A岗空缺")));
        var ordinary = shown.Where(s => windows[s.Flag.Code].LateFrom is null).ToList();
        var large = ordinary.Count(s => windows[s.Flag.Code].CasesPerMonth == 100);
        var small = ordinary.Count(s => windows[s.Flag.Code].CasesPerMonth == 8);
        output.WriteLine($"ordinary windows shown: small {small}, large {large}, all {ordinary.Count}");
        Assert.True(large <= small + 2, $"ordinary large windows shown {large} times, small {small}");
        Assert.True(ordinary.Count <= 6, $"{ordinary.Count} window-months of ordinary windows shown");

        // The CLI: the basis and the short list said plainly; the center backtest says it used 明查.
        _w.Close();
        try
        {
            var backtest = CliProcess.Run(["backtest", "--from", "2025-08", "--to", "2025-10", "--db", _w.DbPath]);
            Assert.True(backtest.ExitCode == 0, backtest.StdErr);
            output.WriteLine(backtest.StdOut);
            Assert.Contains("没有暗访记录，改用明查结果检验", backtest.StdOut);
            Assert.Contains("排序依据：", backtest.StdOut);
            Assert.Contains("最小的三分之一", backtest.StdOut);
            var flags = CliProcess.Run(["flags", "--month", "2025-11", "--db", _w.DbPath]);
            Assert.True(flags.ExitCode == 0, flags.StdErr);
            output.WriteLine(flags.StdOut);
            Assert.Contains("排序依据：", flags.StdOut);
            Assert.Contains("其余中心未见明显异常", flags.StdOut);
        }
        finally
        {
            _w.Reopen();
        }
    }
}
