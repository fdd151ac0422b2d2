namespace Oversight;

// The county folder (Oversight.Configuration) and the county's own seeds in it.
public static partial class Messages
{
    /// <summary>A file of the county folder, named as the user knows it (e.g. seeds/metric_settings.csv).</summary>
    public static string InCountyFolder(string relative) => $"本县设置文件夹中的 {relative}";

    /// <param name="why">Why it may not be read (the TemplateRefused… entries).</param>
    public static string CountyFileRefused(string relative, string why) => $"{InCountyFolder(relative)} 被拒绝：{why}";

    // The county's copy of a seed (CountySeed); file is named by InCountyFolder.
    public static string SeedUnreadable(string file, string why) => $"{file} 无法读取（应为 UTF-8 编码的 CSV，第一行是表头）：{why}";

    public static string SeedHeaderWrong(string file, IEnumerable<string> shipped, IEnumerable<string> found) =>
        $"{file} 第 1 行（表头）应为“{string.Join(",", shipped)}”，与程序自带的同名文件相同；实为“{string.Join(",", found)}”。";

    public static string SeedKeyEmpty(string file, long line, string column) => $"{file} 第 {line} 行第 1 列（{column}）是空的。";

    public static string SeedKeyUnknown(string file, long line, string column, string key, IEnumerable<string> known) =>
        $"{file} 第 {line} 行第 1 列（{column}）：程序没有“{key}”这一项，可能是拼写错误或已停用；可用的有：{string.Join("、", known)}。";

    public static string SeedKeyTwice(string file, long line, string key, long first) => $"{file} 第 {line} 行：“{key}”与第 {first} 行重复，每项只能写一次。";

    public static string SeedValueNotNumber(string file, long line, string key, string shipped, string? value) =>
        $"{file} 第 {line} 行 value 列：“{key}”的值应为数字（程序自带的值为 {shipped}），实为“{value}”。";
}
