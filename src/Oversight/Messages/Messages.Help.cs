namespace Oversight;

// The command line's help and its parse errors (src/Oversight.Cli ChineseHelp, ParseErrors), restated from
// System.CommandLine's. The options' own help texts stay beside their options.
public static partial class Messages
{
    public const string HelpOption = "显示帮助和用法";
    public const string VersionOption = "显示版本信息";
    public const string HelpDescription = "说明：";
    public const string HelpUsage = "用法：";
    public const string HelpCommandPlaceholder = "[命令]";
    public const string HelpOptionsPlaceholder = "[选项]";
    public const string HelpArguments = "参数：";
    public const string HelpOptions = "选项：";
    public const string HelpCommands = "命令：";
    public const string HelpRequired = "（必填）";

    public static string HelpEachCommand(string path) => $"各命令的用法：{path} <命令> --help";

    public static string HelpDefault(string value) => $"（默认：{value}）";

    public static string UsageAt(string path) => $"用法见：{path} --help";

    public const string NoCommand = "没有指定要执行的命令。";

    public static string OptionRequired(string option) => $"缺少必填选项 {option}。";

    public static string OptionValueMissing(string option) => $"选项 {option} 后面缺少取值。";

    public static string CommandArgumentMissing(string command) => $"命令 {command} 缺少必填参数。";

    public static string Unrecognized(string token) => $"无法识别的命令或选项“{token}”。";

    public static string NotOneOf(string value, string choices) => $"取值“{value}”无效，应为以下之一：{choices}";

    public static string BadOptionValue(string value, string option) => $"选项 {option} 的取值“{value}”格式不正确。";

    public static string BadCommandArgument(string value, string command) => $"命令 {command} 的参数“{value}”格式不正确。";

    public static string BadArgument(string value) => $"参数“{value}”格式不正确。";

    public static string OneValueOnly(string option, string given) => $"选项 {option} 只能有一个取值，实际给了 {given} 个。";

    public static string DidYouMean(string token) => $"无法识别“{token}”，是否想输入以下之一？";

    public static string NotCombinable(string option) => $"选项 {option} 不能与其他参数同时使用。";

    public static string NoSuchFile(string path) => $"文件不存在：{path}";

    public static string NoSuchDirectory(string path) => $"目录不存在：{path}";

    public static string NoSuchFileOrDirectory(string path) => $"文件或目录不存在：{path}";

    public static string BadPathCharacter(string character) => $"路径中有不允许的字符：{character}";

    public static string BadFileNameCharacter(string character) => $"文件名中有不允许的字符：{character}";
}
