using System.Text.RegularExpressions;

namespace Oversight.Tests.Cli;

/// <summary>What a county user reads from the command line itself is Chinese: help, parse errors, settings mistakes.</summary>
public class MessageTests
{
    /// <summary>System.CommandLine's English texts that must never reach a user.</summary>
    private static readonly string[] English =
        ["Required", "required", "Unrecognized", "Description:", "Usage:", "Options:", "Commands:", "Show help", "Cannot parse", "[default", "'"];

    private static void AssertChineseOnly(string text)
    {
        foreach (var word in English) Assert.DoesNotContain(word, text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public void Oversight_with_no_command_says_in_chinese_that_a_command_is_needed_and_exits_1()
    {
        var result = CliProcess.Run([]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("错误：没有指定要执行的命令。", result.StdErr);
        Assert.Contains("用法见：oversight --help", result.StdErr);
        AssertChineseOnly(result.StdErr);
    }

    [Fact]
    public void A_missing_required_option_an_unknown_option_and_a_bad_number_are_each_named_in_chinese()
    {
        var missing = CliProcess.Run(["ingest"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("错误：缺少必填选项 --inbox。", missing.StdErr);
        Assert.Contains("用法见：oversight ingest --help", missing.StdErr);
        AssertChineseOnly(missing.StdErr);

        var unknown = CliProcess.Run(["report", "monthly", "--mnth", "2026-10"]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("无法识别的命令或选项“--mnth”", unknown.StdErr);
        Assert.Contains("用法见：oversight report monthly --help", unknown.StdErr);
        AssertChineseOnly(unknown.StdErr);

        var number = CliProcess.Run(["flags", "--month", "2026-10", "--top", "ten"]);
        Assert.Equal(1, number.ExitCode);
        Assert.Contains("选项 --top 的取值“ten”格式不正确", number.StdErr);
        AssertChineseOnly(number.StdErr);

        var noValue = CliProcess.Run(["ingest", "--inbox"]);
        Assert.Equal(1, noValue.ExitCode);
        Assert.Contains("选项 --inbox 后面缺少取值", noValue.StdErr);
        AssertChineseOnly(noValue.StdErr);
    }

    [Fact]
    public void Help_is_chinese_for_the_program_and_for_a_subcommand_and_names_required_options_and_defaults()
    {
        var root = CliProcess.Run(["--help"]);
        Assert.Equal(0, root.ExitCode);
        Assert.Contains("用法：", root.StdOut);
        Assert.Contains("oversight [命令] [选项]", root.StdOut);
        Assert.Contains("显示帮助和用法", root.StdOut);
        Assert.Contains("ingest", root.StdOut);
        AssertChineseOnly(root.StdOut);

        // Help wins over a missing required option.
        var ingest = CliProcess.Run(["ingest", "--help"]);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("oversight ingest [选项]", ingest.StdOut);
        Assert.Matches(new Regex(@"--inbox <inbox>\s+收件目录.*（必填）"), ingest.StdOut);
        Assert.Contains("（默认：./oversight.duckdb）", ingest.StdOut);
        AssertChineseOnly(ingest.StdOut);

        // An option the parent command gives every report is listed once, not again by the subcommand.
        var inspection = CliProcess.Run(["report", "inspection", "--help"]);
        Assert.Equal(0, inspection.ExitCode);
        Assert.Single(Regex.Matches(inspection.StdOut, @"^\s+--issue\b", RegexOptions.Multiline));
        Assert.Contains("暗访工作提示则编份号", inspection.StdOut);
    }

    [Fact]
    public void The_chinese_resources_of_the_command_line_library_ship_and_no_other_language_does()
    {
        var dir = AppContext.BaseDirectory;
        Assert.True(File.Exists(Path.Combine(dir, "zh-Hans", "System.CommandLine.resources.dll")));
        // Folders that hold the product's own files, not resources.
        string[] own = ["runtimes", "sql", "report-templates", "profiles", "Fixtures", "SqlCases", "zh-Hans"];
        var cultures = Directory.GetDirectories(dir).Select(Path.GetFileName).Where(name => !own.Contains(name)).ToList();
        Assert.Empty(cultures);
    }
}
