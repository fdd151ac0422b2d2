namespace Oversight;

// The assessment (考核): its scheme files, appeals, scoring and tables.
public static partial class Messages
{
    public static string AssessmentTableField(string table, string field, string file) =>
        $"指标目录 {file} 中考核表格“{table}”的列“{field}”不是该表格的内容，请检查拼写。";

    public static string FigureMistakeField(string table) => $"表格“{table}”中有一列写了 field 却没有 header（列标题）。";
}
