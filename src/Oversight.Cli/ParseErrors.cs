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
    private static readonly (Regex Pattern, string Chinese)[] Messages =
    [
        (Rx(@"^(?:Required command was not provided|未提供必需的命令)"), "没有指定要执行的命令。"),
        (Rx(@"^(?:Option '(?<a>.+)' is required|Option “'?(?<a>.+?)'?” is required)"), "缺少必填选项 {a}。"),
        (Rx(@"^(?:Required argument missing for option|选项缺少所需参数): '(?<a>.+)'"), "选项 {a} 后面缺少取值。"),
        (Rx(@"^(?:Required argument missing for command|命令缺少所需参数): '(?<a>.+)'"), "命令 {a} 缺少必填参数。"),
        (Rx(@"^(?:Unrecognized command or argument|未识别命令或参数)\s*[“']+(?<a>.+?)['”]+"), "无法识别的命令或选项“{a}”。"),
        (Rx(@"^(?:Argument|未识别参数)\s*[“']+(?<a>.+?)['”]+\s*(?:not recognized\. Must be one of|。必须为一个)[:：]\s*(?<b>.+)$"), "取值“{a}”无效，应为以下之一：{b}"),
        (Rx(@"^Cannot parse argument '(?<a>.*)' for option '(?<b>.+?)' as expected type"), "选项 {b} 的取值“{a}”格式不正确。"),
        (Rx(@"^Cannot parse argument '(?<a>.*)' for command '(?<b>.+?)' as expected type"), "命令 {b} 的参数“{a}”格式不正确。"),
        (Rx(@"^Cannot parse argument '(?<a>.*)' as expected type"), "参数“{a}”格式不正确。"),
        (Rx(@"^Option '(?<a>.+)' expects a single argument but (?<b>\d+) were provided"), "选项 {a} 只能有一个取值，实际给了 {b} 个。"),
        (Rx(@"^'(?<a>.+)' was not matched\. Did you mean one of the following\?"), "无法识别“{a}”，是否想输入以下之一？"),
        (Rx(@"^(?<a>.+) option cannot be combined with other arguments"), "选项 {a} 不能与其他参数同时使用。"),
        (Rx(@"^(?:File does not exist|文件不存在): '(?<a>.+)'"), "文件不存在：{a}"),
        (Rx(@"^(?:Directory does not exist|目录不存在): '(?<a>.+)'"), "目录不存在：{a}"),
        (Rx(@"^(?:File or directory does not exist|文件或目录不存在): '(?<a>.+)'"), "文件或目录不存在：{a}"),
        (Rx(@"^(?:Character not allowed in a path|路径中不允许的字符): '(?<a>.+)'"), "路径中有不允许的字符：{a}"),
        (Rx(@"^Character not allowed in a file name: '(?<a>.+)'"), "文件名中有不允许的字符：{a}"),
    ];

    /// <summary>Prints every parse error and where to find the usage; returns the exit code for a user error.</summary>
    public static int Print(ParseResult parse, TextWriter error)
    {
        foreach (var e in parse.Errors) error.WriteLine($"错误：{Translate(e.Message)}");
        error.WriteLine($"用法见：{ChineseHelp.Path(parse.CommandResult.Command)} --help");
        return 1;
    }

    public static string Translate(string message)
    {
        var text = message.Trim();
        foreach (var (pattern, chinese) in Messages)
        {
            var m = pattern.Match(text);
            if (m.Success) return chinese.Replace("{a}", m.Groups["a"].Value).Replace("{b}", m.Groups["b"].Value.Trim());
        }
        // A message of our own (a custom parser's) or one not listed: tidy the doubled quotes and full stop.
        return text.Replace("“'", "“").Replace("'”", "”").Replace("。.", "。");
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
