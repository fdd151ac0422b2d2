using Oversight.Ingest;
using Oversight.Jobs;

namespace Oversight.Tests.Jobs;

public class HeaderProfileSettingsTests
{
    [Fact]
    public void Header_profiles_named_in_the_settings_are_loaded_beside_the_shipped_ones_relative_to_the_settings_file()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("县平台.json"), """{ "name": "县平台", "feeds": { "cases": { "headers": { "流水号": "case_id" } } } }""");
        var path = dir.File("oversight.settings.json");
        File.WriteAllText(path, """{ "header_profiles": ["./县平台.json"] }""");
        var profiles = ServiceSettings.Load(path).LoadHeaderProfiles();
        Assert.Equal(["全国一体化政务服务平台字段代码", "县平台"], profiles.Select(p => p.Name));
        Assert.Equal("case_id", profiles[1].ColumnFor(Feed.Cases, "流水号"));
    }

    [Fact]
    public void A_broken_profile_named_in_the_settings_stops_the_service_at_start_naming_both_files_and_the_line()
    {
        using var dir = new TempDir();
        var profile = dir.File("bad.json");
        File.WriteAllText(profile, "{\n  \"feeds\": {\n    \"cases\": { \"headers\": { \"流水号\": \"caseid\" } }\n  }\n}");
        var path = dir.File("oversight.settings.json");
        File.WriteAllText(path, """{ "header_profiles": ["bad.json"] }""");
        var error = Assert.Throws<JobException>(() => ServiceSettings.Load(path));
        Assert.Equal($"服务设置文件 {path}：header_profiles：表头映射文件 {profile} 第 3 行：“办件”表（cases）没有列“caseid”" +
                     "（可用：case_id、center_code、window_code、staff_id、item_code、case_type、channel、accepted_at、due_at、paused_days、" +
                     "completed_at、status、applicant_id、applicant_phone、recorded_at、updated_at）。", error.Message);
    }
}
