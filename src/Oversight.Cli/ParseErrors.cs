using System.CommandLine;
using System.Text.RegularExpressions;

namespace Oversight.Cli;

/// <summary>
/// Command-line mistakes in Chinese. System.CommandLine's zh-Hans resources translate only some of its messages
/// (and quote the token twice, "“'x'”."); the rest, e.g. "Option '--month' is required.", stay English. Each of its
/// messages is matched here in both languages and restated in plain Chinese.
/// </summary>
public static partial class ParseErrors
{
    private static readonly (Regex Pattern, Func<Match, string> Chinese)[] Translations =
    [
        (Rx(@"^(?:Required command was not provided|未提供必需的命令)"), _ => Messages.NoCommand),
        (Rx(@"^(?:Option '(?<a>.+)' is required|Option “'?(?<a>.+?)'?” is required)"), m => Messages.OptionRequired(A(m))),
        (Rx(@"^(?:Required argument missing for option|选项缺少所需参数): '(?<a>.+)'"), m => Messages.OptionValueMissing(A(m))),
        (Rx(@"^(?:Required argument missing for command|命令缺少所需参数): '(?<a>.+)'"), m => Messages.CommandArgumentMissing(A(m))),
        (Rx(@"^(?:Unrecognized command or argument|未识别命令或参数)\s*[“']+(?<a>.+?)['”]+"), m => Messages.Unrecognized(A(m))),
        (Rx(@"^(?:Argument|未识别参数)\s*[“']+(?<a>.+?)['”]+\s*(?:not recognized\. Must be one of|。必须为一个)[:：]\s*(?<b>.+)$"), m => Messages.NotOneOf(A(m), B(m))),
        (Rx(@"^Cannot parse argument '(?<a>.*)' for option '(?<b>.+?)' as expected type"), m => Messages.BadOptionValue(A(m), B(m))),
        (Rx(@"^Cannot parse argument '(?<a>.*)' for command '(?<b>.+?)' as expected type"), m => Messages.BadCommandArgument(A(m), B(m))),
        (Rx(@"^Cannot parse argument '(?<a>.*)' as expected type"), m => Messages.BadArgument(A(m))),
        (Rx(@"^Option '(?<a>.+)' expects a single argument but (?<b>\d+) were provided"), m => Messages.OneValueOnly(A(m), B(m))),
        (Rx(@"^'(?<a>.+)' was not matched\. Did you mean one of the following\?"), m => Messages.DidYouMean(A(m))),
        (Rx(@"^(?<a>.+) option cannot be combined with other arguments"), m => Messages.NotCombinable(A(m))),
        (Rx(@"^(?:File does not exist|文件不存在): '(?<a>.+)'"), m => Messages.NoSuchFile(A(m))),
        (Rx(@"^(?:Directory does not exist|目录不存在): '(?<a>.+)'"), m => Messages.NoSuchDirectory(A(m))),
        (Rx(@"^(?:File or directory does not exist|文件或目录不存在): '(?<a>.+)'"), m => Messages.NoSuchFileOrDirectory(A(m))),
        (Rx(@"^(?:Character not allowed in a path|路径中不允许的字符): '(?<a>.+)'"), m => Messages.BadPathCharacter(A(m))),
        (Rx(@"^Character not allowed in a file name: '(?<a>.+)'"), m => Messages.BadFileNameCharacter(A(m))),
    ];

    /// <summary>Prints every parse error and where to find the usage; returns the exit code for a user error.</summary>
    public static int Print(ParseResult parse, TextWriter error)
    {
        foreach (var e in parse.Errors) error.WriteLine(Messages.Error(Translate(e.Message)));
        error.WriteLine(Messages.UsageAt(ChineseHelp.Path(parse.CommandResult.Command)));
        return 1;
    }

    public static string Translate(string message)
    {
        var text = message.Trim();
        foreach (var (pattern, chinese) in Translations)
        {
            var m = pattern.Match(text);
            if (m.Success) return chinese(m);
        }
        // A message of our own (a custom parser's) or one not listed: tidy the doubled quotes and full stop.
        return text.Replace("“'", "“").Replace("'”", "”").Replace("。.", "。");
    }

    private static string A(Match m) => m.Groups["a"].Value;

    private static string B(Match m) => m.Groups["b"].Value.Trim();

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
