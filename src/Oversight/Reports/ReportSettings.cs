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
        try
        {
            var doc = JsonSerializer.Deserialize<Dto>(File.ReadAllText(path), Json) ?? new Dto();
            var d = MonthlyFormSettings.Default;
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
        catch (JsonException ex)
        {
            throw new ReportException($"报告设置文件 {path} 第 {(ex.LineNumber ?? 0) + 1} 行有错误：{ex.Message}", ex);
        }
    }

    /// <summary>The county's name: the setting, else settings.json's county_names, else the shipped GB/T 2260
    /// table (sql/seeds/cn_county_divisions.csv), else its code.</summary>
    public string CountyName(string? countyCode)
    {
        if (County is { } set) return set;
        if (countyCode is null) return "（县区编码未知）";
        if (CountyNames.TryGetValue(countyCode, out var name)) return name;
        return CountyDivisions.Name(countyCode) ?? $"（县区编码 {countyCode}）";
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
    public string FollowUp { get; init; } = "，整改情况纳入下月通报";

    public static readonly MonthlyFormSettings Default = new(
        ["{county}纪委监委驻县政务服务管理局纪检监察组", "{county}政务服务管理局"],
        null,
        "{short}政务监〔{year}〕{seq}号",
        "各乡镇人民政府、街道办事处",
        "县委办、县政府办、县纪委监委",
        null,
        [
            "{black_list}要对照本通报逐项分析综合得分靠后的原因，制定整改措施，于下月10日前将整改情况书面报县政务服务管理局。",
            "{overdue_centers}要逐件清理超期办件，确需延长办理时限的依法办理延期手续，杜绝“体外循环”和超期不办。",
            "{long_open_centers}要对长期未办结的办件逐件核实：已办结未登记的，及时补登办结信息；确未办结的，说明原因并限期办结。",
            "{complaint_centers}要对属实投诉逐件整改、逐件回复投诉人，举一反三查找管理漏洞，涉及作风问题的移送纪检监察机关处理。",
            "{video_centers}要严格执行窗口工作纪律，落实AB岗和请销假制度，杜绝离岗、空岗、玩手机等现象。",
            "{satisfaction_centers}要对差评逐条回访核实、限期整改{follow_up}。",
            "各乡镇人民政府、街道办事处要落实首问负责、一次性告知、限时办结制度，确保办件当日录入、如实登记、按期办结。",
        ]);
}
