using Oversight.Ingest;
using Oversight.Reports;
using Oversight.Warehouse;

namespace Oversight.Configuration;

/// <summary>
/// The county folder (本县设置文件夹): the county's own copies of what it may change — metric and inspection seeds,
/// report settings (settings.json), assessment schemes (annual/*.json), templates and header profiles. Upgrades replace
/// what ships beside the binaries and never write here. Each file here replaces the shipped file of the same name
/// (for the seeds: the rows with the same key); whatever the folder lacks comes from the shipped defaults, so a new
/// setting in an upgrade reaches a county that never copied it. By default beside the database (county-config/), or
/// chosen with --config (CLI) or "config" (service settings).
/// </summary>
public sealed class CountyFolder
{
    public const string DefaultName = "county-config";
    public const string SeedsDir = "seeds", TemplatesDir = "report-templates", ProfilesDir = "profiles";

    /// <summary>The seeds a county may change: thresholds and weights, and the wording of rectification requirements.
    /// The others are product facts: the input contract's code mappings (enum_values), the GB/T 2260 division table,
    /// the State Council calendar (a county's own working days come in the 日历 feed) and the assessment event kinds
    /// the feed is checked against.</summary>
    public static readonly IReadOnlyList<string> EditableSeeds = ["metric_settings", "inspection_settings", "rectification_kinds"];

    public string Root { get; }

    public CountyFolder(string root) => Root = Path.GetFullPath(root);

    /// <summary>The county folder of the warehouse at <paramref name="databasePath"/>: the one chosen (the CLI's --config,
    /// the service's "config"), else beside the database.</summary>
    public static CountyFolder For(string databasePath, string? chosen = null) =>
        new(chosen is { Length: > 0 } ? chosen : BesideDatabase(databasePath));

    /// <summary>Every file in the folder with its SHA-256, by path relative to the folder: what an issued document
    /// records of the county's settings in force.</summary>
    public IReadOnlyDictionary<string, string> Fingerprint() =>
        !Directory.Exists(Root) ? new Dictionary<string, string>()
            : Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .ToDictionary(f => Path.GetRelativePath(Root, f).Replace('\\', '/'),
                    f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    public static string BesideDatabase(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, DefaultName);

    /// <summary>The templates: the county's report-templates/ over the shipped folder (or the one given).</summary>
    public TemplateFolder Templates(string? shipped = null) => new(shipped, Path.Combine(Root, TemplatesDir));

    /// <summary>The county's copy of an editable seed (sql/seeds/NAME.csv), or null when it has none. A link out of the
    /// folder, a hard link or a non-file is refused as in the templates folder: the seed's rows land in the warehouse.</summary>
    public string? Seed(string name)
    {
        if (!EditableSeeds.Contains(name)) return null;
        var path = Path.Combine(Root, SeedsDir, name + ".csv");
        if (!Path.Exists(path)) return null;
        if (new TemplateFolder(Root).Check(path) is { } refused)
            throw new WarehouseException(Messages.CountyFileRefused($"{SeedsDir}/{name}.csv", refused));
        return path;
    }

    /// <summary>The header profiles in force: each shipped profile, replaced by the county's file of the same name,
    /// then the county's own.</summary>
    public IReadOnlyList<HeaderProfile> HeaderProfiles()
    {
        var county = Path.Combine(Root, ProfilesDir);
        if (!Directory.Exists(county) || Directory.GetFiles(county, "*.json").Length == 0) return HeaderProfile.Shipped;
        var safe = new TemplateFolder(Root);
        var shipped = Path.Combine(AppContext.BaseDirectory, "profiles");
        var names = (Directory.Exists(shipped) ? Directory.GetFiles(shipped, "*.json") : [])
            .Concat(Directory.GetFiles(county, "*.json")).Select(Path.GetFileName).Distinct().Order(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var own = Path.Combine(county, name!);
            if (!File.Exists(own)) return HeaderProfile.Load(Path.Combine(shipped, name!));
            if (safe.Check(own) is { } refused) throw new WarehouseException(Messages.CountyFileRefused($"{ProfilesDir}/{name}", refused));
            return HeaderProfile.Load(own);
        }).ToList();
    }

    /// <summary>Copies the shipped defaults a county edits into the folder: the editable seeds, settings.json and the
    /// assessment schemes, and (with <paramref name="withTemplates"/>) the templates. A file already there is kept as
    /// it is: it may hold the county's edits. Returns each file with whether it was written.</summary>
    public IReadOnlyList<(string File, bool Written)> Init(bool withTemplates)
    {
        var copies = EditableSeeds.Select(s => (From: Path.Combine(SqlFiles.Root, "seeds", s + ".csv"), To: Path.Combine(SeedsDir, s + ".csv"))).ToList();
        var shippedTemplates = new TemplateFolder().Root;
        foreach (var file in Directory.GetFiles(shippedTemplates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(shippedTemplates, file);
            var setting = relative == "settings.json" || relative.StartsWith("annual" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && relative.EndsWith(".json", StringComparison.Ordinal);
            if (setting || withTemplates && relative != "README.md") copies.Add((file, Path.Combine(TemplatesDir, relative)));
        }
        Directory.CreateDirectory(Path.Combine(Root, ProfilesDir));
        var done = new List<(string, bool)>();
        foreach (var (from, to) in copies)
        {
            var target = Path.Combine(Root, to);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                using var source = File.OpenRead(from);
                using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                source.CopyTo(stream);
                done.Add((to, true));
            }
            catch (IOException) when (File.Exists(target))
            {
                done.Add((to, false));
            }
        }
        return done;
    }

    /// <summary>Each file a county may change, and whether the county's copy is in force.</summary>
    public IReadOnlyList<(string File, bool County)> Effective()
    {
        var templates = Templates();
        var files = EditableSeeds.Select(s => (Path.Combine(SeedsDir, s + ".csv"), Seed(s) is not null)).ToList();
        foreach (var file in Directory.GetFiles(templates.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(templates.Root, file);
            if (relative != "README.md") files.Add((Path.Combine(TemplatesDir, relative), templates.IsCountyCopy(relative)));
        }
        // The county's own additions (another assessment scheme, say) are in force too.
        if (templates.CountyRoot is { } own)
            files.AddRange(Directory.GetFiles(own, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => Path.GetRelativePath(own, f)).Where(r => !File.Exists(Path.Combine(templates.Root, r)))
                .Select(r => (Path.Combine(TemplatesDir, r), true)));
        var county = Path.Combine(Root, ProfilesDir);
        if (Directory.Exists(county))
            files.AddRange(Directory.GetFiles(county, "*.json").Order(StringComparer.Ordinal).Select(f => (Path.Combine(ProfilesDir, Path.GetFileName(f)), true)));
        return files;
    }
}
