using Oversight.Jobs;

namespace Oversight.Tests.Jobs;

public class CatchUpTests
{
    private const string Nightly = "0 0 2 * * ?";

    [Fact]
    public void A_night_missed_while_down_is_due_once_at_start_up_however_many_nights_were_missed()
    {
        var now = new DateTime(2026, 11, 25, 9, 30, 0);
        Assert.Equal(new DateTime(2026, 11, 25, 2, 0, 0), CatchUp.Due(Nightly, lastCovered: new DateTime(2026, 11, 20, 2, 0, 0), now));
        Assert.Null(CatchUp.Due(Nightly, lastCovered: new DateTime(2026, 11, 25, 2, 0, 0), now));
    }

    [Fact]
    public void Before_tonights_run_the_last_night_is_what_counts()
    {
        var now = new DateTime(2026, 11, 25, 1, 59, 0);
        Assert.Equal(new DateTime(2026, 11, 24, 2, 0, 0), CatchUp.Due(Nightly, lastCovered: null, now));
        Assert.Null(CatchUp.Due(Nightly, lastCovered: new DateTime(2026, 11, 24, 2, 0, 0), now));
    }

    [Fact]
    public void The_monthly_run_on_the_first_is_due_until_covered()
    {
        const string monthly = "0 0 6 1 * ?";
        var now = new DateTime(2026, 11, 25, 9, 0, 0);
        Assert.Equal(new DateTime(2026, 11, 1, 6, 0, 0), CatchUp.Due(monthly, lastCovered: new DateTime(2026, 10, 1, 6, 0, 0), now));
        Assert.Null(CatchUp.Due(monthly, lastCovered: new DateTime(2026, 11, 1, 6, 0, 0), now));
    }

    [Fact]
    public void A_settings_file_mistake_names_the_file_and_line()
    {
        using var dir = new TempDir();
        var path = dir.File("s.json");
        File.WriteAllText(path, "{\n  \"database\": \"./x.duckdb\",\n  \"nightly_cron\": 5\n}");
        var error = Assert.Throws<JobException>(() => ServiceSettings.Load(path));
        Assert.Contains("第 3 行", error.Message);
        File.WriteAllText(path, "{ \"nightly_cron\": \"every night\" }");
        Assert.Contains("不是有效的 Quartz cron 表达式", Assert.Throws<JobException>(() => ServiceSettings.Load(path)).Message);
        File.WriteAllText(path, "{ \"inbox\": \"./in\" }");
        Assert.Equal(Path.Combine(dir.Path, "in"), ServiceSettings.Load(path).Resolve("./in"));
    }
}
