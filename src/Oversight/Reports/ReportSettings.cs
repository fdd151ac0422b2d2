using System.Text.Json;

namespace Oversight.Reports;

/// <summary>Names printed on every report, from settings.json in the templates folder (editable by the county).</summary>
public sealed record ReportSettings(string Issuer, IReadOnlyDictionary<string, string> CountyNames)
{
    /// <summary>The county's name when set; otherwise <see cref="CountyNames"/>, then the shipped division table.</summary>
    public string? County { get; init; }

    /// <summary>The 通报 form of the monthly briefing: issuing bodies, 文号, 主送, 抄送, 下步工作要求.</summary>
    public MonthlyFormSettings Monthly { get; init; } = MonthlyFormSettings.Default;

    /// <summary>The figure catalogue and table specs (figures.json) of the same templates folder, read when a report
    /// first needs them (the inspection briefing does not).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Figures.FigureCatalogue Figures => _figures.Value;

    private Lazy<Figures.FigureCatalogue> _figures = new(() => Reports.Figures.FigureCatalogue.Load(new TemplateFolder()));

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ReportSettings Load(TemplateFolder templates)
    {
        var path = templates.PathOf("settings.json");
        var figures = new Lazy<Figures.FigureCatalogue>(() => Reports.Figures.FigureCatalogue.Load(templates));
        if (!File.Exists(path)) return new ReportSettings("", new Dictionary<string, string>()) { _figures = figures };
        try
        {
            var doc = JsonSerializer.Deserialize<Dto>(File.ReadAllText(path), Json) ?? new Dto();
            var d = MonthlyFormSettings.Default;
            var m = doc.Monthly ?? new MonthlyDto();
            return new ReportSettings(doc.Issuer ?? "", doc.CountyNames ?? new Dictionary<string, string>())
            {
                County = string.IsNullOrWhiteSpace(doc.CountyName) ? null : doc.CountyName.Trim(),
                _figures = figures,
                Monthly = new MonthlyFormSettings(
                    m.IssuingBodies is { Count: > 0 } bodies ? bodies : d.IssuingBodies,
                    m.CountyShortName,
                    string.IsNullOrWhiteSpace(m.DocumentNumber) ? d.DocumentNumber : m.DocumentNumber,
                    m.MainTo ?? d.MainTo,
                    m.CopyTo ?? d.CopyTo,
                    m.PrintedBy,
                    m.Requirements is { Count: > 0 } requirements ? requirements : d.Requirements),
            };
        }
        catch (JsonException ex)
        {
            throw new ReportException(Messages.ReportSettingsMistake(path, (ex.LineNumber ?? 0) + 1, ex.Message), ex);
        }
    }

    /// <summary>The county's name: the setting, else settings.json's county_names, else the shipped GB/T 2260
    /// table (sql/seeds/cn_county_divisions.csv), else its code.</summary>
    public string CountyName(string? countyCode)
    {
        if (County is { } set) return set;
        if (countyCode is null) return Messages.CountyCodeUnknown;
        if (CountyNames.TryGetValue(countyCode, out var name)) return name;
        return CountyDivisions.Name(countyCode) ?? Messages.CountyCodeOnly(countyCode);
    }

    private sealed class Dto
    {
        public string? Issuer { get; set; }
        public string? CountyName { get; set; }
        public Dictionary<string, string>? CountyNames { get; set; }
        public MonthlyDto? Monthly { get; set; }
    }

    private sealed class MonthlyDto
    {
        public List<string>? IssuingBodies { get; set; }
        public string? CountyShortName { get; set; }
        public string? DocumentNumber { get; set; }
        public string? MainTo { get; set; }
        public string? CopyTo { get; set; }
        public string? PrintedBy { get; set; }
        public List<string>? Requirements { get; set; }
    }
}
