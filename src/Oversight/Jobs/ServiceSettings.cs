using System.Text.Json;
using System.Text.Json.Serialization;
using Oversight.Configuration;

namespace Oversight.Jobs;

/// <summary>
/// The nightly service's settings file (JSON). Every entry has a default; relative paths are relative to the
/// settings file's folder. Mistakes are reported with the file and line.
/// </summary>
public sealed record ServiceSettings
{
    public string Database { get; init; } = "./oversight.duckdb";
    public string Inbox { get; init; } = "./inbox";
    public string Reports { get; init; } = "./reports";
    /// <summary>Where inspection plans go: a folder only the service's user can open.</summary>
    public string Restricted { get; init; } = "./" + Defaults.RestrictedFolderName;
    /// <summary>The county folder (本县设置文件夹); null: county-config beside the database.</summary>
    public string? Config { get; init; }
    public string? Templates { get; init; }
    public string? ScoringRules { get; init; }
    public string NightlyCron { get; init; } = "0 0 2 * * ?";
    public string MonthlyCron { get; init; } = "0 0 6 1 * ?";
    // Unused since the overdue-prone label became a warehouse setting (sql/seeds/metric_settings.csv,
    // overdue_prone_min_late); still read so settings files written before then load, never written.
    public int OverdueThreshold { get; init; } = 1;
    public double RejectThreshold { get; init; } = Defaults.RejectThreshold;
    public int RejectThresholdMinRows { get; init; } = Defaults.RejectThresholdMinRows;
    /// <summary>Seconds a file's size and modification time must stay unchanged before it is loaded.</summary>
    public double SettleSeconds { get; init; } = Defaults.SettleSeconds;

    /// <summary>Header profiles (JSON) mapping the county platform's headers and codes onto the contract, in
    /// addition to those shipped; relative to the settings file.</summary>
    public string[] HeaderProfiles { get; init; } = [];
    public string InspectionRecipient { get; init; } = Defaults.InspectionRecipient;
    public int InspectionPlanSize { get; init; } = Defaults.InspectionPlanSize;
    public bool Pdf { get; init; } = true;

    [JsonIgnore]
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>The county folder: the one set here, else county-config beside the database.</summary>
    public CountyFolder County() => Config is null ? new CountyFolder(CountyFolder.BesideDatabase(Resolve(Database))) : new CountyFolder(Resolve(Config));

    /// <summary>The header profiles in the county folder (over those shipped), then those listed here; a mistake in one
    /// names its file and line.</summary>
    public IReadOnlyList<Ingest.HeaderProfile> LoadHeaderProfiles() =>
        [.. County().HeaderProfiles(), .. HeaderProfiles.Select(p => Ingest.HeaderProfile.Load(Resolve(p)))];

    public static ServiceSettings Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new JobException(Messages.ServiceSettingsMissing(full, path));
        var bytes = File.ReadAllBytes(full);
        SettingsFileCheck.Check<ServiceSettings>(full, bytes, Options);
        ServiceSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<ServiceSettings>(bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble) ? bytes[3..] : bytes, Options);
        }
        catch (JsonException ex)
        {
            // The check above catches what a person types wrong; this is what it does not foresee.
            throw new JobException(Messages.ServiceSettingUnreadable(full, (ex.LineNumber ?? 0) + 1, ex.Path is { Length: > 2 } p ? p[2..] : null), ex);
        }
        settings = (settings ?? new ServiceSettings()) with { BaseDirectory = Path.GetDirectoryName(full)! };
        settings.Validate(full);
        return settings;
    }

    /// <summary>Writes the settings; an existing file is replaced only when <paramref name="overwrite"/> says so, as it may
    /// hold a county's edits.</summary>
    public void Write(string path, bool overwrite = true)
    {
        try
        {
            using var stream = new FileStream(path, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(WithExplanations()));
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            throw new JobException(Messages.SettingsFileExists(Path.GetFullPath(path)));
        }
    }

    /// <summary>What each setting means, written above it as a // comment (the file is read with comments skipped).</summary>
    private static readonly Dictionary<string, string> Explanations = new()
    {
        ["database"] = Messages.AboutSettingDatabase,
        ["inbox"] = Messages.AboutSettingInbox,
        ["reports"] = Messages.AboutSettingReports,
        ["restricted"] = Messages.AboutSettingRestricted,
        ["config"] = Messages.AboutSettingConfig,
        ["templates"] = Messages.AboutSettingTemplates,
        ["scoring_rules"] = Messages.AboutSettingScoringRules,
        ["nightly_cron"] = Messages.AboutSettingNightlyCron,
        ["monthly_cron"] = Messages.AboutSettingMonthlyCron,
        ["reject_threshold"] = Messages.AboutSettingRejectThreshold,
        ["reject_threshold_min_rows"] = Messages.AboutSettingRejectThresholdMinRows,
        ["settle_seconds"] = Messages.AboutSettingSettleSeconds,
        ["header_profiles"] = Messages.AboutSettingHeaderProfiles,
        ["inspection_recipient"] = Messages.AboutSettingInspectionRecipient,
        ["inspection_plan_size"] = Messages.AboutSettingInspectionPlanSize,
        ["pdf"] = Messages.AboutSettingPdf,
    };

    /// <summary>The settings as JSON with a Chinese explanation above each entry.</summary>
    public string WithExplanations()
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(this, Options));
        var sb = new System.Text.StringBuilder("// ").Append(Messages.ServiceSettingsFileHeading).Append("\n{\n");
        var items = doc.RootElement.EnumerateObject().Where(i => i.Name != "overdue_threshold").ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (Explanations.TryGetValue(items[i].Name, out var explanation)) sb.Append("  // ").Append(explanation).Append('\n');
            sb.Append("  ").Append(JsonSerializer.Serialize(items[i].Name, Options)).Append(": ")
                .Append(JsonSerializer.Serialize(items[i].Value, Options).Replace("\n", "\n  ", StringComparison.Ordinal))
                .Append(i < items.Count - 1 ? ",\n" : "\n");
        }
        return sb.Append("}\n").ToString();
    }

    private void Validate(string file)
    {
        foreach (var (name, cron) in new[] { ("nightly_cron", NightlyCron), ("monthly_cron", MonthlyCron) })
            if (!Quartz.CronExpression.TryParse(cron, out _))
                throw new JobException(Messages.ServiceSettingBadCron(file, name, cron));
        if (OverdueThreshold < 1) throw new JobException(Messages.ServiceSettingAtLeastOne(file, "overdue_threshold"));
        if (SettleSeconds is < 0 or > 3600) throw new JobException(Messages.ServiceSettingBetween(file, "settle_seconds", 0, 3600));
        if (RejectThreshold is < 0 or > 1) throw new JobException(Messages.ServiceSettingBetween(file, "reject_threshold", 0, 1));
        if (RejectThresholdMinRows < 0) throw new JobException(Messages.ServiceSettingNegative(file, "reject_threshold_min_rows"));
        try
        {
            LoadHeaderProfiles();
        }
        catch (Warehouse.WarehouseException ex)
        {
            throw new JobException(Messages.ServiceSettingHeaderProfiles(file, ex.Message), ex);
        }
        if (InspectionPlanSize < 1) throw new JobException(Messages.ServiceSettingAtLeastOne(file, "inspection_plan_size"));
        if (string.IsNullOrWhiteSpace(InspectionRecipient)) throw new JobException(Messages.ServiceSettingEmpty(file, "inspection_recipient"));
        // The inspection plan must never land where townships read the briefings.
        var reports = Resolve(Reports).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var restricted = Resolve(Restricted).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (reports.StartsWith(restricted, StringComparison.Ordinal) || restricted.StartsWith(reports, StringComparison.Ordinal))
            throw new JobException(Messages.ServiceSettingRestrictedOverlapsReports(file));
    }
}

/// <summary>The service cannot run for a reason the county can fix; Chinese message.</summary>
public sealed class JobException(string message, Exception? inner = null) : Exception(message, inner);
