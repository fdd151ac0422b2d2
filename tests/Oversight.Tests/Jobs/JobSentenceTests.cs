using System.Text.Json;
using Oversight.Jobs;

namespace Oversight.Tests.Jobs;

/// <summary>status shows the nightly jobs' counts as Chinese sentences, not the JSON stored for tools.</summary>
public class JobSentenceTests
{
    [Fact]
    public void A_nightly_run_and_a_monthly_run_read_as_sentences()
    {
        var nightly = JsonSerializer.Serialize(new NightlyWork.Counts(3, 1, 12_345, 6, true, 40, ["2026-12 未评分：数据不足"]));
        Assert.Equal("导入文件 3 个、搁置 1 个，导入 12,345 行、拒绝 6 行；重新训练了模型；评分 40 条。2026-12 未评分：数据不足。",
            JobHistory.Sentence(JobHistory.Nightly, nightly));
        var monthly = JsonSerializer.Serialize(new MonthlyWork.Counts("2026-11", ["a.html", "a.md", "b.html"]));
        Assert.Equal("生成 2026-11 的报告，共写出 3 个文件。", JobHistory.Sentence(JobHistory.Monthly, monthly));
        Assert.Equal("", JobHistory.Sentence(JobHistory.Nightly, null));
        Assert.DoesNotContain("{", JobHistory.Sentence(JobHistory.Nightly, nightly));
    }

    [Fact]
    public void Written_settings_explain_every_entry_in_chinese_and_still_load()
    {
        using var dir = new TempDir();
        var path = dir.File("s.json");
        new ServiceSettings().Write(path);
        var text = File.ReadAllText(path);
        Assert.Contains("// 夜间任务（导入、训练、评分）的时间，Quartz cron 格式：秒 分 时 日 月 星期。\"0 0 2 * * ?\" 表示每天 2:00:00", text);
        Assert.Contains("// 文件至少有这么多行时才按上面的占比整体搁置", text);
        Assert.Equal(new ServiceSettings().NightlyCron, ServiceSettings.Load(path).NightlyCron);
        Assert.Equal(50, ServiceSettings.Load(path).RejectThresholdMinRows);
    }
}
