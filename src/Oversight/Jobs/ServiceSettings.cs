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
        if (!File.Exists(full)) throw new JobException($"找不到服务设置文件：{full}。可用 oversight config init --service-settings {path} 生成一份默认设置。");
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
            throw new JobException($"服务设置文件 {full} 第 {(ex.LineNumber ?? 0) + 1} 行{(ex.Path is { Length: > 2 } p ? $"（设置项 {p[2..]}）" : "")}的值无法读取。", ex);
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
            throw new JobException($"设置文件 {Path.GetFullPath(path)} 已存在，未覆盖（其中可能有本县改过的设置）。" +
                                   "如确要换成默认设置，请加 --force；否则换一个文件名。");
        }
    }

    /// <summary>What each setting means, written above it as a // comment (the file is read with comments skipped).</summary>
    private static readonly Dictionary<string, string> Explanations = new()
    {
        ["database"] = "数据库文件（相对路径以本设置文件所在目录为准）。一个数据库只存一个县（区）的数据。",
        ["inbox"] = "收件目录：各单位报送的 CSV/XLSX 放在这里，每晚导入后移到其下的 archive（已导入）或 quarantine（被搁置，附原因）。",
        ["reports"] = "月度通报、考核等可公开文件的输出目录。",
        ["restricted"] = "暗访工作提示的输出目录，仅服务账户可读；不得与 reports 相同或互相包含，不要放在共享盘。",
        ["config"] = "本县设置文件夹：本县改过的指标设置、报告设置、考核方案、模板和表头映射放在这里，程序升级不会覆盖；其中没有的文件使用程序自带的默认值。null 表示数据库旁的 county-config 文件夹。可用 oversight config init 把默认设置复制进去再修改。",
        ["templates"] = "报告模板目录；null 表示使用程序自带的 report-templates（本县设置文件夹 report-templates 中的同名文件优先）。",
        ["scoring_rules"] = "年度考核计分规则文件；null 表示使用本县设置文件夹或模板目录中的 annual/rules.json。",
        ["nightly_cron"] = "夜间任务（导入、训练、评分）的时间，Quartz cron 格式：秒 分 时 日 月 星期。\"0 0 2 * * ?\" 表示每天 2:00:00；? 表示不限星期。",
        ["monthly_cron"] = "月初任务（正式印发上月通报、12 月数据齐后印发年度考核、生成暗访工作提示）的时间。\"0 0 6 1 * ?\" 表示每月 1 日 6:00:00。",
        ["reject_threshold"] = "一个文件中被拒绝的行占比超过该值（0 到 1，如 0.05 即 5%）时，整个文件判为导出错误而搁置。",
        ["reject_threshold_min_rows"] = "文件至少有这么多行时才按上面的占比整体搁置；行数更少的文件只拒绝出错的行。",
        ["settle_seconds"] = "文件大小和修改时间须保持不变的秒数；仍在复制中的文件留待下次导入。",
        ["header_profiles"] = "本县平台的表头映射文件（JSON）列表，在程序自带的映射和本县设置文件夹 profiles 中的映射之外使用。",
        ["inspection_recipient"] = "暗访工作提示的收件人。",
        ["inspection_plan_size"] = "暗访工作提示建议暗访的中心数。",
        ["pdf"] = "是否同时生成 PDF（需要安装 Chromium）。",
    };

    /// <summary>The settings as JSON with a Chinese explanation above each entry.</summary>
    public string WithExplanations()
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(this, Options));
        var sb = new System.Text.StringBuilder("// 夜间服务设置。每项上方是说明；以 // 开头的行是注释，程序读取时忽略。改完后重启服务生效。\n{\n");
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
                throw new JobException($"服务设置文件 {file}：{name} “{cron}”不是有效的 Quartz cron 表达式（例如 \"0 0 2 * * ?\" 表示每天 2:00）。");
        if (OverdueThreshold < 1) throw new JobException($"服务设置文件 {file}：overdue_threshold 至少为 1。");
        if (SettleSeconds is < 0 or > 3600) throw new JobException($"服务设置文件 {file}：settle_seconds 应在 0 到 3600 之间。");
        if (RejectThreshold is < 0 or > 1) throw new JobException($"服务设置文件 {file}：reject_threshold 应在 0 到 1 之间。");
        if (RejectThresholdMinRows < 0) throw new JobException($"服务设置文件 {file}：reject_threshold_min_rows 不能为负数。");
        try
        {
            LoadHeaderProfiles();
        }
        catch (Warehouse.WarehouseException ex)
        {
            throw new JobException($"服务设置文件 {file}：header_profiles：{ex.Message}", ex);
        }
        if (InspectionPlanSize < 1) throw new JobException($"服务设置文件 {file}：inspection_plan_size 至少为 1。");
        if (string.IsNullOrWhiteSpace(InspectionRecipient)) throw new JobException($"服务设置文件 {file}：inspection_recipient 不能为空。");
        // The inspection plan must never land where townships read the briefings.
        var reports = Resolve(Reports).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var restricted = Resolve(Restricted).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (reports.StartsWith(restricted, StringComparison.Ordinal) || restricted.StartsWith(reports, StringComparison.Ordinal))
            throw new JobException($"服务设置文件 {file}：restricted（暗访工作提示）与 reports（月度通报）必须是互不包含的两个目录。");
    }
}

/// <summary>The service cannot run for a reason the county can fix; Chinese message.</summary>
public sealed class JobException(string message, Exception? inner = null) : Exception(message, inner);
