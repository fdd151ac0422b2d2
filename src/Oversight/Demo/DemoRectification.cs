using Dapper;
using DuckDB.NET.Data;
using Oversight.Rectification;
using Oversight.Warehouse;

namespace Oversight.Demo;

/// <summary>A year of the demo county's 整改 ledger, made the way an office would make it: each month's findings
/// proposed on the 5th of the next month, most confirmed, the townships reporting measures (most in time, some late,
/// a few never), the office closing them after the data check — and, where the data has not improved, either an
/// override with its reason or 退回重改; a few overdue items get a 约谈. Deterministic by seed.</summary>
public static class DemoRectification
{
    private static readonly Dictionary<string, string> Measures = new()
    {
        ["overdue"] = "逐件核查超期办件原因，已全部办结；窗口实行办件时限每日提醒，AB岗互补",
        ["long_open"] = "逐件核实长期未办结办件，已办结的补登办结信息，未办结的明确办结时间",
        ["complaints"] = "对属实投诉逐件回复投诉人，对相关人员批评教育，开展作风整顿",
        ["video"] = "落实离岗登记和AB岗制度，中心负责人每日巡查大厅",
        ["empty_hall"] = "调整排班，保证工作时间大厅有人值守，窗口正常开放",
        ["satisfaction"] = "逐条回访不满意评价，查找原因并整改，加强窗口服务培训",
        ["visit"] = "对检查发现问题逐项整改，形成整改报告报县政务服务管理局",
        ["complaint"] = "向投诉人道歉并答复，对责任人批评教育",
        ["backfill"] = "逐件核查补录办件并说明原因，落实受理即录入，中心负责人每周抽查录入时间",
        ["bad_rating"] = "逐条整改逾期差评并回访评价人，建立差评整改台账，每周督办",
    };

    /// <summary>Builds the ledger for the 12 complete months before <paramref name="today"/>; returns the items assigned.</summary>
    public static int Build(DuckDBConnection connection, int seed, DateOnly today)
    {
        var rng = new Random(seed ^ 0x5EC24);
        var calendar = Assessment.Appeals.Calendar(connection);
        var current = new DateOnly(today.Year, today.Month, 1);
        // One read of the marts for the whole year: the ledger's moves below change no fact they are built from.
        using var cache = MartCache.Materialize(connection);
        for (var m = current.AddMonths(-12); m < current; m = m.AddMonths(1))
            // A month whose 通报 is not out yet by today (the 5th) has proposed nothing yet.
            if (Issue(calendar, m) <= today)
                RectificationProposals.ForMonth(connection, Calendar.Month.Of(m), Issue(calendar, m), new Reports.TemplateFolder());

        var proposals = RectificationLedger.All(connection).Where(i => i.Status == RectificationStatus.Proposed).ToList();
        var assigned = 0;
        foreach (var p in proposals)
        {
            var id = p.ItemId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var issued = Issue(calendar, p.FindingMonth);
            if (rng.NextDouble() < 0.12)
            {
                RectificationLedger.Drop(connection, id, "县政务服务管理局 督查股", "问题已在其他事项中交办", issued);
                continue;
            }
            var item = RectificationLedger.Confirm(connection, id, "县政务服务管理局 督查股", issued, null);
            assigned++;
            var days = item.WorkingDays!.Value;
            var r = rng.NextDouble();
            DateOnly? reported = r < 0.8 ? calendar.AddWorkingDays(issued, rng.Next(2, days))
                : r < 0.94 ? calendar.AddWorkingDays(item.Deadline!.Value, rng.Next(2, 12)) : null;
            var township = item.CenterName ?? item.CenterCode;
            if (reported is not { } done || done > today)
            {
                if (item.Deadline < today && rng.NextDouble() < 0.5)
                    RectificationLedger.Hold(connection, id, "约谈", $"{township}分管负责人", "县纪委监委驻县政务服务管理局纪检监察组", item.Deadline!.Value.AddDays(7), "逾期未报送整改情况");
                continue;
            }
            RectificationLedger.Update(connection, id, $"{township} 党政办", RectificationStatus.ReviewRequested,
                Measures.GetValueOrDefault(item.Kind, "已按要求整改"), $"{township}整改报告及照片 {rng.Next(2, 9)} 张", null, done, done);
            var review = calendar.AddWorkingDays(done, rng.Next(1, 4));
            if (review > today) continue;
            var check = DataChecks.For(connection, item, review);
            if (check.Verdict == DataVerdict.NotImproved)
            {
                if (rng.NextDouble() < 0.5)
                    RectificationLedger.Close(connection, id, "县政务服务管理局 复核组", review, "整改措施已落实，数据改善需时间，下月通报复核");
                else
                {
                    RectificationLedger.Reopen(connection, id, "县政务服务管理局 复核组", "数据未见改善，退回重改", review);
                    if (rng.NextDouble() < 0.4)
                        RectificationLedger.Hold(connection, id, "通报批评", township, "县政务服务管理局", review, "整改不到位");
                }
                continue;
            }
            RectificationLedger.Close(connection, id, "县政务服务管理局 复核组", review, null);
        }
        return assigned;
    }

    /// <summary>The 通报 of a month is issued on the 5th of the next (or the first working day after).</summary>
    private static DateOnly Issue(Calendar.WorkCalendar calendar, DateOnly month)
    {
        var day = month.AddMonths(1).AddDays(4);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}
