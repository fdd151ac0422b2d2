namespace Oversight.Tests.Cli;

/// <summary>The service's settings file, through the real program: mistakes in Chinese with file, line and key;
/// a file a county has edited is never overwritten by accident.</summary>
public class SettingsFileTests
{
    private static CliProcess.Result Serve(TempDir dir, string json)
    {
        var path = dir.File("oversight.settings.json");
        File.WriteAllText(path, json);
        return CliProcess.Run(["serve", "--settings", path, "--catch-up-only"], workingDirectory: dir.Path);
    }

    [Fact]
    public void A_missing_comma_is_reported_with_the_file_and_line_in_chinese()
    {
        using var dir = new TempDir();
        var result = Serve(dir, "{\n  \"inbox\": \"./in\"\n  \"reports\": \"./out\"\n}\n");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(dir.File("oversight.settings.json"), result.StdErr);
        Assert.Contains("第 3 行", result.StdErr);
        Assert.Contains("不是有效的 JSON", result.StdErr);
        Assert.DoesNotContain("is invalid", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }

    [Fact]
    public void A_misspelt_key_is_named_with_its_line_and_the_key_it_probably_meant()
    {
        using var dir = new TempDir();
        var result = Serve(dir, "{\n  \"inbox\": \"./in\",\n  // the night run\n  \"nightly_crn\": \"0 0 3 * * ?\"\n}\n");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("第 4 行：没有名为“nightly_crn”的设置项（是否想写“nightly_cron”？）", result.StdErr);
        Assert.Contains("可用的设置项：database、inbox", result.StdErr);
        Assert.DoesNotContain("could not be mapped", result.StdErr);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_names_the_key_the_line_and_what_is_expected()
    {
        using var dir = new TempDir();
        var number = Serve(dir, "{\n  \"overdue_threshold\": \"2\"\n}");
        Assert.Equal(1, number.ExitCode);
        Assert.Contains("第 2 行：设置项“overdue_threshold”的值应为整数。", number.StdErr);

        var flag = Serve(dir, "{ \"inbox\": \"./in\",\n\n \"pdf\": \"no\" }");
        Assert.Equal(1, flag.ExitCode);
        Assert.Contains("第 3 行：设置项“pdf”的值应为true 或 false", flag.StdErr);

        var empty = Serve(dir, "{ \"database\": null }");
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("设置项“database”的值应为用引号括起的文字（不能为空）", empty.StdErr);
        Assert.DoesNotContain("could not be converted", number.StdErr + flag.StdErr + empty.StdErr);
    }

    [Fact]
    public void Config_init_writes_the_service_settings_and_refuses_to_overwrite_them_unless_forced()
    {
        using var dir = new TempDir();
        var path = dir.File("oversight.settings.json");
        var db = dir.File("oversight.duckdb");
        var first = CliProcess.Run(["config", "init", "--db", db, "--service-settings", path], workingDirectory: dir.Path);
        Assert.True(first.ExitCode == 0, first.StdOut + first.StdErr);
        Assert.Contains("\"nightly_cron\"", File.ReadAllText(path));
        Assert.True(File.Exists(Path.Combine(dir.Path, "county-config", "seeds", "metric_settings.csv"))); // one command writes both

        const string edited = "{ \"inbox\": \"/srv/县数据/收件\" }";
        File.WriteAllText(path, edited);
        var again = CliProcess.Run(["config", "init", "--db", db, "--service-settings", path], workingDirectory: dir.Path);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("已存在，未覆盖", again.StdErr);
        Assert.Contains("--force", again.StdErr);
        Assert.Equal(edited, File.ReadAllText(path));

        var forced = CliProcess.Run(["config", "init", "--db", db, "--service-settings", path, "--force"], workingDirectory: dir.Path);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("\"nightly_cron\"", File.ReadAllText(path));
    }

    [Fact]
    public void Serve_write_settings_is_an_alias_of_config_init_that_says_so()
    {
        using var dir = new TempDir();
        var path = dir.File("oversight.settings.json");
        var result = CliProcess.Run(["serve", "--write-settings", path], workingDirectory: dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"nightly_cron\"", File.ReadAllText(path));
        Assert.Contains($"oversight config init --service-settings {path}", result.StdOut);
        Assert.Equal(1, CliProcess.Run(["serve", "--write-settings", path], workingDirectory: dir.Path).ExitCode);
    }

    [Fact]
    public void Writing_settings_into_a_missing_folder_names_the_path_in_chinese()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "no-such-folder", "oversight.settings.json");
        var result = CliProcess.Run(["serve", "--write-settings", path], workingDirectory: dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"错误：路径中的目录不存在：{path}", result.StdErr);
        Assert.DoesNotContain("Could not find", result.StdErr);
    }
}
