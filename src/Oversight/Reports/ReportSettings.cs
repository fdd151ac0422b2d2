using System.Text.Json;

namespace Oversight.Reports;

/// <summary>Names printed on every report, from settings.json in the templates folder (editable by the county).</summary>
public sealed record ReportSettings(string Issuer, IReadOnlyDictionary<string, string> CountyNames)
{
    public static ReportSettings Load(TemplateFolder templates)
    {
        var path = templates.PathOf("settings.json");
        if (!File.Exists(path)) return new ReportSettings("", new Dictionary<string, string>());
        try
        {
            var doc = JsonSerializer.Deserialize<Dto>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
                      ?? new Dto();
            return new ReportSettings(doc.Issuer ?? "", doc.CountyNames ?? new Dictionary<string, string>());
        }
        catch (JsonException ex)
        {
            throw new ReportException($"报告设置文件 {path} 第 {(ex.LineNumber ?? 0) + 1} 行有错误：{ex.Message}", ex);
        }
    }

    /// <summary>The county's name, or its code when settings.json does not name it.</summary>
    public string CountyName(string? countyCode) =>
        countyCode is not null && CountyNames.TryGetValue(countyCode, out var name) ? name : $"（县区编码 {countyCode ?? "未知"}）";

    private sealed class Dto
    {
        public string? Issuer { get; set; }
        public Dictionary<string, string>? CountyNames { get; set; }
    }
}
