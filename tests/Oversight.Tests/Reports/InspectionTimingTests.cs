using Oversight.Reports.Inspection;

namespace Oversight.Tests.Reports;

/// <summary>When to go: a time is advised only on a sample of at least the setting's number of checks.</summary>
public class InspectionTimingTests
{
    private static TimingSlotRow Hour(int hour, long checks, long violations) =>
        new() { CenterCode = "C", SlotKind = "hour", Slot = hour, VideoChecks = checks, VideoViolations = violations };

    private static TimingSlotRow Day(int weekday, long checks, long violations) =>
        new() { CenterCode = "C", SlotKind = "weekday", Slot = weekday, VideoChecks = checks, VideoViolations = violations };

    [Fact]
    public void Three_checks_that_all_found_an_empty_post_give_no_timing_advice_but_say_the_sample_is_too_small()
    {
        var advice = InspectionTiming.Advice(new Oversight.Reports.TemplateFolder(), [Hour(17, 3, 3), Hour(9, 4, 0), Day(1, 3, 3), Day(3, 4, 0)], minChecks: 8);
        var line = Assert.Single(advice);
        Assert.StartsWith("样本不足", line);
        Assert.Contains("不足 8 次", line);
        Assert.DoesNotContain("17 时", line);
        Assert.DoesNotContain("周一", line);
    }

    [Fact]
    public void A_slot_with_eight_checks_and_more_violations_than_usual_is_advised_while_one_with_seven_is_not()
    {
        var slots = new[]
        {
            Hour(17, 8, 6), Hour(16, 7, 7), Hour(10, 20, 2), Hour(11, 20, 1),
            Day(5, 8, 5), Day(4, 7, 7), Day(1, 40, 4),
        };
        var advice = InspectionTiming.Advice(new Oversight.Reports.TemplateFolder(), slots, minChecks: 8);
        var hours = Assert.Single(advice, a => a.Contains("钟点"));
        Assert.Contains("17 时（抽查 8 次，违规 6 次，75.0%）", hours);
        Assert.DoesNotContain("16 时", hours);
        var days = Assert.Single(advice, a => a.Contains("日子"));
        Assert.Contains("周五（抽查 8 次，违规 5 次，62.5%）", days);
        Assert.DoesNotContain("周四", days);
    }

    [Fact]
    public void The_threshold_is_the_setting_not_a_constant()
    {
        var slots = new[] { Hour(17, 5, 5), Hour(10, 5, 0), Day(2, 5, 5), Day(3, 5, 0) };
        Assert.StartsWith("样本不足", InspectionTiming.Advice(new Oversight.Reports.TemplateFolder(), slots, minChecks: 8)[0]);
        Assert.Contains(InspectionTiming.Advice(new Oversight.Reports.TemplateFolder(), slots, minChecks: 5), a => a.Contains("17 时（抽查 5 次"));
    }

    [Fact]
    public void A_large_sample_without_a_worse_time_advises_a_random_time()
    {
        var advice = InspectionTiming.Advice(new Oversight.Reports.TemplateFolder(), [Hour(9, 20, 2), Hour(15, 20, 2), Day(1, 20, 2), Day(2, 20, 2)], minChecks: 8);
        var line = Assert.Single(advice);
        Assert.Contains("随机安排", line);
    }
}
