namespace Oversight;

// Header profiles (Oversight.Ingest.HeaderProfile): a county's JSON mapping its platform's headers to the contract's.
public static partial class Messages
{
    public static string ProfileNotFound(string path) => $"找不到表头映射文件：{path}";

    public static string ProfileEmpty(string path) => $"表头映射文件 {path} 是空的。";

    public static string ProfileBadJson(string path, long line) => $"表头映射文件 {path} 第 {line} 行：JSON 格式错误（检查逗号、引号和括号是否配对）。";

    /// <param name="problem">One of the Profile… entries below.</param>
    public static string ProfileError(string path, int line, string problem) => $"表头映射文件 {path} 第 {line} 行：{problem}。";

    public const string ProfileRootNotObject = "整个文件应是一个 JSON 对象 { ... }";
    public const string ProfileNameNotText = "name 应是文字";
    public const string ProfileFeedsNotObject = "feeds 应是对象：{ \"cases\": { ... } }";

    public static string ProfileUnknownRootKey(string key) => $"未知的键“{key}”（可用：name、description、feeds）";

    public static string ProfileUnknownFeed(string feed, IEnumerable<string> feeds) => $"没有名为“{feed}”的数据表（可用：{string.Join("、", feeds)}）";

    public static string ProfileFeedNotObject(string feed) => $"“{feed}”应是对象：{{ \"headers\": {{ ... }}, \"values\": {{ ... }} }}";

    public const string ProfileHeadersNotObject = "headers 应是对象：{ \"平台表头\": \"接口列名\" }";

    public static string ProfileHeaderNotText(string header) => $"表头“{header}”应映射到一个列名（文字）";

    public const string ProfileEmptyHeader = "表头不能为空";

    public static string ProfileHeaderTwice(string header) => $"表头“{header}”映射了两次";

    public static string ProfileUnknownFeedKey(string key) => $"未知的键“{key}”（可用：headers、values）";

    public const string ProfileValuesNotObject = "values 应是对象：{ \"列名\": { \"代码\": \"值\" } }";

    public static string ProfileValuesWithoutHeader(string column) => $"列“{column}”有值映射，但 headers 中没有表头映射到它（值映射只用于经本文件映射的列）";

    public static string ProfileValueMapNotObject(string column) => $"“{column}”的值映射应是对象：{{ \"代码\": \"值\" }}";

    public static string ProfileCodeNotText(string code) => $"代码“{code}”应映射到文字";

    public static string ProfileCodeTwice(string code) => $"代码“{code}”映射了两次";

    public static string ProfileUnknownColumn(string feedChineseName, string feed, string column, IEnumerable<string> columns) =>
        $"“{feedChineseName}”表（{feed}）没有列“{column}”（可用：{string.Join("、", columns)}）";
}
