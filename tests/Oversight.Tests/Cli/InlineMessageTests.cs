using System.Text.RegularExpressions;
using Oversight.Tests.Ingest;

namespace Oversight.Tests.Cli;

/// <summary>
/// What a user reads is worded in the message catalogue (src/Oversight/Messages), not in string literals scattered
/// through the code: a Chinese literal anywhere else fails here, unless its file is on the short list below.
/// </summary>
public class InlineMessageTests
{
    private static readonly Regex ChineseLiteral = new("\"[^\"]*\\p{IsCJKUnifiedIdeographs}");

    /// <summary>Files whose Chinese is not a message.</summary>
    private static readonly string[] NotMessages =
    [
        "src/Oversight/Messages/",              // the catalogue itself
        "src/Oversight/Ingest/Feed.cs",         // the feeds' Chinese names and headers: data of the input contract
        "src/Oversight/Demo/",                  // the demo county's names, places and complaint texts: data
        "src/Oversight.Bench/CaseFileGenerator.cs", // the benchmark's synthetic feed rows (names, enum values): data, as the demo's
        "src/Oversight/Ingest/VisitTypes.cs",   // the visits feed's visit_type domain (暗访/明查): data
        // The ledger's statuses, sources, lights, 责任追究 measures and proposal keys: values stored in the warehouse and
        // compared in SQL and by the 整改反馈 feed, defined once here.
        "src/Oversight/Rectification/RectificationStatus.cs",
        "src/Oversight/Assessment/RuleKind.cs", // a rule kind owns its description (issue 22)
        "src/Oversight/Assessment/Vocabulary.cs", // the scheme file's source and denominator names: data of its contract
        "src/Oversight/Calendar/",              // the month/period type's own Chinese formatter (2026年10月) and number words
        "src/Oversight/Ingest/YesNo.cs",        // the canonical 是/否 of a yes/no column: data
        "src/Oversight/Configuration/Defaults.cs", // the default recipient of inspection plans: a setting's value, defined once
        // The GB/T 9704 fonts and the Word styles' names (公文正文, 版记…): names a Word file carries, not sentences.
        "src/Oversight/Reports/Docx/GbtStyles.cs",
        "src/Oversight/Reports/Docx/ColophonBox.cs",
    ];

    /// <summary>A line of the command line's help: an option's, argument's or command's own text stays beside it.</summary>
    private static bool Help(string file, string line) =>
        file.StartsWith("src/Oversight.Cli/", StringComparison.Ordinal)
        && (line.Contains("description", StringComparison.OrdinalIgnoreCase) || line.Contains("new Command(", StringComparison.Ordinal)
            || line.Contains("new RootCommand(", StringComparison.Ordinal) || line.Contains("new Argument", StringComparison.Ordinal));

    /// <summary>Verbatim literals (@"…") are the regular expressions that read Chinese input (2026年10月, System.CommandLine's
    /// own zh-Hans messages): what the user types, not what they read.</summary>
    private static readonly Regex Verbatim = new("@\"[^\"]*\"");

    private static IEnumerable<(string File, string[] Lines)> Sources()
    {
        var root = RejectKindTests.RepoRoot();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var file = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal)) continue;
            yield return (file, File.ReadAllLines(path));
        }
    }

    private static bool Listed(string file, string[] list) => list.Any(p => p.EndsWith('/') ? file.StartsWith(p, StringComparison.Ordinal) : file == p);

    /// <summary>The line without a trailing comment (<c>case "main-to": // 主送</c>): a comment may explain in Chinese.</summary>
    private static string Code(string line) => line.Split(" // ")[0];

    private static IEnumerable<string> InlineChinese(string file, string[] lines) =>
        lines.Select((line, i) => (line, i))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && ChineseLiteral.IsMatch(Verbatim.Replace(Code(x.line), ""))
                        && !Help(file, x.line))
            .Select(x => $"{file}:{x.i + 1}: {x.line.Trim()}");

    [Fact]
    public void No_chinese_string_literal_outside_the_catalogue_and_the_listed_files()
    {
        var found = Sources().Where(s => !Listed(s.File, NotMessages))
            .SelectMany(s => InlineChinese(s.File, s.Lines)).ToList();
        Assert.True(found.Count == 0, "Chinese text outside src/Oversight/Messages (add it to the catalogue):\n" + string.Join("\n", found));
    }
}
