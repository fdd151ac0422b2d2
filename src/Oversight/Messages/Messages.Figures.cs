namespace Oversight;

// The figure catalogue (report-templates/figures.json): its mistakes, and the words a table prints of its own.
public static partial class Messages
{
    public static string FigureIsText(string key, string file) => $"指标“{key}”对应的列是文字而不是数值，不能作为指标印出：请检查指标目录 {file}。";

    public static string FigureNotNumeric(string key, string file) => $"指标“{key}”对应的列不是数值，不能作为指标印出：请检查指标目录 {file}。";

    public static string FigureNotInQuery(string key, string file) =>
        $"指标“{key}”不在查询结果中：请检查指标目录 {file} 中该指标的 key 是否与查询的列名一致。";

    public static string FigureUnknown(string key, string file) => $"指标目录 {file} 中没有指标“{key}”。";

    public static string FigureTableUnknown(string table, string file) => $"指标目录 {file} 中没有表格“{table}”的列设置。";

    public static string FigureCatalogueMissing(string path) => $"找不到指标目录文件：{path}";

    public static string FigureCatalogueUnreadable(string path, long line, string why) => $"指标目录文件 {path} 第 {line} 行有错误：{why}";

    /// <summary>A mistake in the catalogue file: <paramref name="what"/> is one of the FigureMistake… texts below.</summary>
    public static string FigureCatalogueMistake(string path, string what) => $"指标目录文件 {path} 中{what}";

    public static string FigureMistakeNoKey(int position) => $"第 {position} 个指标没有 key。";

    public static string FigureMistakeNoName(string key) => $"指标“{key}”没有 name（中文名称）。";

    public static string FigureMistakeRepeated(string key) => $"指标“{key}”重复。";

    public static string FigureMistakeFormat(string key, string? format) =>
        $"指标“{key}”的 format “{format}”无法识别，应为 count、percent、per_1000、score、change 或 days。";

    public static string FigureMistakeDirection(string key, string? direction) =>
        $"指标“{key}”的 direction “{direction}”无法识别，应为 higher_is_better、lower_is_better 或 neutral。";

    public static string FigureMistakePart(string key, string part) => $"指标“{key}”的 part “{part}”不是目录中的指标。";

    public static string FigureMistakeColumnShape(string table) => $"表格“{table}”的列应写成指标名或 {{\"figure\": …, \"header\": …}}。";

    public static string FigureMistakeColumn(string table, string? column) => $"表格“{table}”的列“{column}”不是目录中的指标。";

    public static string FigureMistakeChangeWord(string word) => $"change_words（变化的说法）缺少“{word}”。";

    // The columns a center table supplies from its rows, by default header.
    public const string TableRank = "名次";
    public const string TableCenter = "中心";
    public const string TableCenterCode = "中心编码";
    public const string TableList = "榜单";

    // The monthly ranking's lists.
    public const string RedList = "红榜";
    public const string BlackList = "黑榜";

    /// <summary>A field column of a report's table (assessment.*, monthly.*.sheet) that the report's rows do not have.</summary>
    public static string FigureTableField(string table, string field, string file) =>
        $"指标目录 {file} 中表格“{table}”的列“{field}”不是该表格的内容，请检查拼写。";
}
