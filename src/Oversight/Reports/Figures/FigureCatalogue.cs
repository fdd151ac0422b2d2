using System.Text.Json;

namespace Oversight.Reports.Figures;

/// <summary>One column of a table spec: a figure (or two printed as "a/b" under one header, like 投诉/属实), or one of
/// the row's own columns the table supplies (名次, 中心…, or a report's named field such as an assessment's 等次:
/// <see cref="Fixed"/>). <see cref="Header"/> is the spec's own header when it gives one (<see cref="HeaderGiven"/>),
/// else the figure's; <see cref="Class"/> is a field's cell class ("num" right-aligns it).</summary>
public sealed record ColumnSpec(IReadOnlyList<Figure> Figures, string Header, string? Fixed, bool HeaderGiven = false, string Class = "")
{
    public bool IsNumeric => Fixed is "rank" || Figures.Count > 0 || Class == "num";
}

/// <summary>The printed figures, each defined once, and the tables' column specs, from report-templates/figures.json (a
/// county's copy in its county folder replaces the shipped entries it names). Adding a figure to a table is a figure entry plus its
/// key in the table's spec; every writer (HTML, Markdown, DOCX, XLSX) and the change explanations read them here.</summary>
public sealed class FigureCatalogue
{
    public const string FileName = "figures.json";

    private readonly Dictionary<string, Figure> _figures;
    private readonly Dictionary<string, IReadOnlyList<ColumnSpec>> _tables;

    private FigureCatalogue(List<Figure> figures, Dictionary<string, IReadOnlyList<ColumnSpec>> tables, ChangeWords changeWords)
    {
        All = figures;
        ChangeWords = changeWords;
        _figures = figures.ToDictionary(f => f.Key, StringComparer.Ordinal);
        _tables = tables;
        CompositeInputs = figures.Where(f => f.Part is not null).OrderBy(f => figures.FindIndex(x => x.Key == f.Part)).ToList();
    }

    /// <summary>Every figure in the file's order.</summary>
    public IReadOnlyList<Figure> All { get; }

    /// <summary>The words of a change (the file's change_words), which every figure prints its change with.</summary>
    public ChangeWords ChangeWords { get; }

    public Figure this[string key] => _figures.TryGetValue(key, out var f) ? f
        : throw new ReportException(Messages.FigureUnknown(key, FileName));

    public bool Contains(string key) => _figures.ContainsKey(key);

    /// <summary>A table's columns in order (e.g. monthly.ranking).</summary>
    public IReadOnlyList<ColumnSpec> Table(string name) => _tables.TryGetValue(name, out var t) ? t
        : throw new ReportException(Messages.FigureTableUnknown(name, FileName));

    /// <summary>The figures that feed the composite (<see cref="Figure.Part"/> the key of its points), in the order of the parts.</summary>
    public IReadOnlyList<Figure> CompositeInputs { get; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the catalogue from the templates folder (the county's copy first). A county's copy replaces the
    /// figures and tables it names, and the change words it gives; those it lacks (a copy made before a release added
    /// them) come from the shipped file, so an upgrade never leaves a report without its table or words. A mistake is
    /// reported with the file and the figure or table it is in.</summary>
    public static FigureCatalogue Load(TemplateFolder templates)
    {
        var path = templates.PathOf(FileName);
        if (!File.Exists(path)) throw new ReportException(Messages.FigureCatalogueMissing(path));
        var doc = Read(path);
        var shipped = Path.Combine(templates.Root, FileName);
        if (path != shipped && File.Exists(shipped))
        {
            var defaults = Read(shipped);
            var figures = doc.Figures ??= [];
            figures.AddRange((defaults.Figures ?? []).Where(f => !figures.Any(x => x.Key == f.Key)));
            var tables = doc.Tables ??= [];
            foreach (var (name, columns) in defaults.Tables ?? []) tables.TryAdd(name, columns);
            doc.ChangeWords = ChangeWordsDto.Over(doc.ChangeWords, defaults.ChangeWords);
        }
        return Parse(doc, path);
    }

    private static Dto Read(string path)
    {
        try
        {
            var doc = JsonSerializer.Deserialize<Dto>(File.ReadAllText(path), Json) ?? new Dto();
            // A report's tables may sit in a section of their own ("assessment_tables"), read like "tables".
            foreach (var (section, value) in doc.Sections ?? [])
                if (section.EndsWith("_tables", StringComparison.Ordinal))
                    foreach (var (name, columns) in value.Deserialize<Dictionary<string, List<JsonElement>>>(Json) ?? [])
                        (doc.Tables ??= [])[name] = columns;
            return doc;
        }
        catch (JsonException ex)
        {
            throw new ReportException(Messages.FigureCatalogueUnreadable(path, (ex.LineNumber ?? 0) + 1, ex.Message), ex);
        }
    }

    /// <summary>The fixed columns a table supplies from its rows, with their default headers.</summary>
    private static readonly Dictionary<string, string> FixedColumns = new(StringComparer.Ordinal)
    {
        ["rank"] = Messages.TableRank,
        ["center"] = Messages.TableCenter,
        ["center_code"] = Messages.TableCenterCode,
        ["list"] = Messages.TableList,
    };

    private static FigureCatalogue Parse(Dto doc, string path)
    {
        ReportException Bad(string what) => new(Messages.FigureCatalogueMistake(path, what));
        var w = doc.ChangeWords;
        var words = new ChangeWords(w?.Up ?? throw Bad(Messages.FigureMistakeChangeWord("up")), w.Down ?? throw Bad(Messages.FigureMistakeChangeWord("down")),
            w.Flat ?? throw Bad(Messages.FigureMistakeChangeWord("flat")), w.Points ?? throw Bad(Messages.FigureMistakeChangeWord("points")));
        var figures = new List<Figure>();
        foreach (var (f, i) in (doc.Figures ?? []).Select((f, i) => (f, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(f.Key)) throw Bad(Messages.FigureMistakeNoKey(i));
            if (string.IsNullOrWhiteSpace(f.Name)) throw Bad(Messages.FigureMistakeNoName(f.Key));
            if (figures.Any(x => x.Key == f.Key)) throw Bad(Messages.FigureMistakeRepeated(f.Key));
            var format = f.Format switch
            {
                "count" => FigureFormat.Count,
                "percent" => FigureFormat.Percent,
                "per_1000" => FigureFormat.Per1000,
                "score" => FigureFormat.Score,
                "change" => FigureFormat.Change,
                "days" => FigureFormat.Days,
                _ => throw Bad(Messages.FigureMistakeFormat(f.Key, f.Format)),
            };
            var direction = f.Direction switch
            {
                "higher_is_better" => Direction.HigherIsBetter,
                "lower_is_better" => Direction.LowerIsBetter,
                "neutral" or null => Direction.Neutral,
                _ => throw Bad(Messages.FigureMistakeDirection(f.Key, f.Direction)),
            };
            figures.Add(new Figure(f.Key.Trim(), f.Name.Trim(), string.IsNullOrWhiteSpace(f.Header) ? f.Name.Trim() : f.Header.Trim(),
                format, direction, f.Unit?.Trim() ?? "", string.IsNullOrWhiteSpace(f.Part) ? null : f.Part.Trim(), words));
        }
        var keys = figures.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var f in figures.Where(f => f.Part is not null && !keys.ContainsKey(f.Part!)))
            throw Bad(Messages.FigureMistakePart(f.Key, f.Part!));

        var tables = new Dictionary<string, IReadOnlyList<ColumnSpec>>(StringComparer.Ordinal);
        foreach (var (name, columns) in doc.Tables ?? [])
        {
            var specs = new List<ColumnSpec>();
            foreach (var c in columns)
            {
                if (c.ValueKind == JsonValueKind.Object && c.TryGetProperty("field", out _))
                {
                    // A field the report's rows supply as printed text: its header is the spec's.
                    string? Text(string property) =>
                        c.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    if (Text("field") is not { Length: > 0 } fieldName || Text("header") is not { } fieldHeader || string.IsNullOrWhiteSpace(fieldHeader))
                        throw Bad(Messages.FigureMistakeField(name));
                    specs.Add(new ColumnSpec([], fieldHeader, fieldName, true, Text("class") ?? ""));
                    continue;
                }
                var (ids, header) = c.ValueKind switch
                {
                    JsonValueKind.String => ([c.GetString()!], null),
                    JsonValueKind.Object => (Ids(c), c.TryGetProperty("header", out var h) ? h.GetString() : null),
                    _ => throw Bad(Messages.FigureMistakeColumnShape(name)),
                };
                if (ids.Count == 1 && FixedColumns.TryGetValue(ids[0], out var fixedHeader))
                {
                    specs.Add(new ColumnSpec([], header ?? fixedHeader, ids[0], header is not null));
                    continue;
                }
                var unknown = ids.FirstOrDefault(id => !keys.ContainsKey(id));
                if (unknown is not null || ids.Count == 0) throw Bad(Messages.FigureMistakeColumn(name, unknown));
                var figs = ids.Select(id => keys[id]).ToList();
                specs.Add(new ColumnSpec(figs, header ?? string.Join("/", figs.Select(x => x.Header)), null, header is not null));
            }
            tables[name] = specs;
        }
        return new FigureCatalogue(figures, tables, words);

        List<string> Ids(JsonElement c) =>
            c.TryGetProperty("figure", out var one) ? [one.GetString() ?? ""]
            : c.TryGetProperty("figures", out var many) && many.ValueKind == JsonValueKind.Array ? many.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
    }

    private sealed class Dto
    {
        public List<FigureDto>? Figures { get; set; }
        public Dictionary<string, List<JsonElement>>? Tables { get; set; }
        public ChangeWordsDto? ChangeWords { get; set; }

        [System.Text.Json.Serialization.JsonExtensionData]
        public Dictionary<string, JsonElement>? Sections { get; set; }
    }

    private sealed class ChangeWordsDto
    {
        public string? Up { get; set; }
        public string? Down { get; set; }
        public string? Flat { get; set; }
        public string? Points { get; set; }

        /// <summary>The county's words over the shipped ones, word by word.</summary>
        public static ChangeWordsDto? Over(ChangeWordsDto? county, ChangeWordsDto? shipped) => county is null ? shipped : shipped is null ? county : new()
        {
            Up = county.Up ?? shipped.Up, Down = county.Down ?? shipped.Down, Flat = county.Flat ?? shipped.Flat, Points = county.Points ?? shipped.Points,
        };
    }

    private sealed class FigureDto
    {
        public string? Key { get; set; }
        public string? Name { get; set; }
        public string? Header { get; set; }
        public string? Format { get; set; }
        public string? Direction { get; set; }
        public string? Unit { get; set; }
        public string? Part { get; set; }
    }
}
