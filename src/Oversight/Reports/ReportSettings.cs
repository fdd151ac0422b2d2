using System.Text.Json;

namespace Oversight.Reports;

/// <summary>Names printed on every report, from settings.json in the templates folder (editable by the county).</summary>
public sealed record ReportSettings(string Issuer, IReadOnlyDictionary<string, string> CountyNames)
{
    /// <summary>The county's name when set; otherwise <see cref="CountyNames"/>, then the shipped division table.</summary>
    public string? County { get; init; }

    /// <summary>The 通报 form of the monthly briefing: issuing bodies, 文号, 主送, 抄送, 下步工作要求.</summary>
    public MonthlyFormSettings Monthly { get; init; } = ShippedMonthly.Value;

    /// <summary>The figure catalogue and table specs (figures.json) of the same templates folder, read when a report
    /// first needs them (the inspection briefing does not).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Figures.FigureCatalogue Figures => _figures.Value;

    private Lazy<Figures.FigureCatalogue> _figures = new(() => Reports.Figures.FigureCatalogue.Load(new TemplateFolder()));

    /// <summary>The templates folder these settings were read from: the partials that word what a builder lays out.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TemplateFolder Templates => _templates ??= new TemplateFolder();

    private TemplateFolder? _templates;

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
        if (!File.Exists(path)) return new ReportSettings("", new Dictionary<string, string>()) { _figures = figures, _templates = templates };
        var doc = Read(path);
        var d = ShippedMonthly.Value;
        var m = doc.Monthly ?? new MonthlyDto();
        return new ReportSettings(doc.Issuer ?? "", doc.CountyNames ?? new Dictionary<string, string>())
        {
            County = string.IsNullOrWhiteSpace(doc.CountyName) ? null : doc.CountyName.Trim(),
            _figures = figures,
            _templates = templates,
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

    private static Dto Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dto>(File.ReadAllText(path), Json) ?? new Dto();
        }
        catch (JsonException ex)
        {
            throw new ReportException(Messages.ReportSettingsMistake(path, (ex.LineNumber ?? 0) + 1, ex.Message), ex);
        }
    }

    /// <summary>The 通报 form of the shipped settings.json: what a county's settings.json leaves out (or a templates folder
    /// without one) comes from there, so each default is written once, where the county reads it.</summary>
    private static readonly Lazy<MonthlyFormSettings> ShippedMonthly = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "report-templates", "settings.json");
        var m = (File.Exists(path) ? Read(path).Monthly : null) ?? new MonthlyDto();
        string Required(string? value, string name) =>
            string.IsNullOrWhiteSpace(value) ? throw new ReportException(Messages.ShippedSettingMissing(path, name)) : value;
        return new MonthlyFormSettings(
            m.IssuingBodies is { Count: > 0 } bodies ? bodies : throw new ReportException(Messages.ShippedSettingMissing(path, "monthly.issuing_bodies")),
            m.CountyShortName,
            Required(m.DocumentNumber, "monthly.document_number"),
            Required(m.MainTo, "monthly.main_to"),
            Required(m.CopyTo, "monthly.copy_to"),
            m.PrintedBy,
            m.Requirements is { Count: > 0 } requirements ? requirements : throw new ReportException(Messages.ShippedSettingMissing(path, "monthly.requirements")));
    });

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

/// <summary>The parts of the monthly 通报 a county sets. In texts, <c>{county}</c> is the county's name; in the
/// 文号, <c>{short}</c> its short name, <c>{year}</c> the year of issue and <c>{seq}</c> the year's sequence number.
/// Requirements may name <c>{month}</c>, <c>{red_list}</c>, <c>{black_list}</c>, <c>{overdue_centers}</c>,
/// <c>{long_open_centers}</c>, <c>{complaint_centers}</c>, <c>{video_centers}</c>, <c>{satisfaction_centers}</c> (the
/// centers the 存在的问题 section names for each); a paragraph naming an empty
/// list is left out. <c>{follow_up}</c> becomes <see cref="FollowUp"/> only where the program follows the month up in
/// the next briefing (it does: the 整改 items this briefing's problems become are reported in the next one).</summary>
public sealed record MonthlyFormSettings(
    IReadOnlyList<string> IssuingBodies,
    string? CountyShortName,
    string DocumentNumber,
    string MainTo,
    string CopyTo,
    string? PrintedBy,
    IReadOnlyList<string> Requirements)
{
    public string FollowUp { get; init; } = Messages.RequirementsFollowUp;
}
