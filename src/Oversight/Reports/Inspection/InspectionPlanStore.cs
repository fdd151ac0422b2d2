using System.Text.Json;
using System.Text.Json.Serialization;

namespace Oversight.Reports.Inspection;

/// <summary>One generation of an inspection plan as logged: who, when, for whom, which files, and what it proposed.</summary>
public sealed record StoredPlan(
    long PlanId,
    DateOnly Month,
    DateTime GeneratedAt,
    string GeneratedBy,
    string Account,
    string Recipient,
    string Folder,
    IReadOnlyList<string> Files,
    IReadOnlyList<StoredPlanItem> Items,
    long? WarehousePlanId = null);

/// <summary>A proposed center of a logged plan.</summary>
public sealed record StoredPlanItem(int Position, string CenterCode, IReadOnlyList<string> WindowCodes, string Basis, string EvidenceKey, double Priority);

/// <summary>
/// The plan log, kept in the restricted folder only (one owner-only JSON file), never in the warehouse: whoever can
/// read the database or a report learns nothing of which centers were proposed. Written whole to a temporary file
/// and renamed over the old one, so a crash leaves the previous log intact.
/// </summary>
public sealed class InspectionPlanStore(string folder)
{
    public const string FileName = Messages.PlanLogFileName;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Center names and file names stay readable in the file rather than \u-escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Folder { get; } = Path.GetFullPath(folder);

    public string FilePath => Path.Combine(Folder, FileName);

    /// <summary>True when this process can read the log (the folder is ours, or at least readable to us).</summary>
    public bool CanRead()
    {
        try
        {
            if (!File.Exists(FilePath)) return false;
            using var _ = File.OpenRead(FilePath);
            return true;
        }
        catch (UnauthorizedAccessException) { return false; }
        catch (IOException) { return false; }
    }

    /// <summary>Every logged plan, oldest first; empty when nothing was logged yet.</summary>
    public IReadOnlyList<StoredPlan> Load()
    {
        if (!File.Exists(FilePath)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<StoredPlan>>(File.ReadAllText(FilePath), Json) ?? [];
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ReportException(Messages.PlanLogNoAccess(FilePath), ex);
        }
        catch (JsonException ex)
        {
            throw new ReportException(Messages.PlanLogCorrupt(FilePath, (ex.LineNumber ?? 0) + 1), ex);
        }
    }

    /// <summary>Adds plans to the log, numbering them after the last one, and returns them as stored.</summary>
    public IReadOnlyList<StoredPlan> Append(IEnumerable<StoredPlan> plans)
    {
        var all = Load().ToList();
        var added = new List<StoredPlan>();
        foreach (var plan in plans)
        {
            var numbered = plan with { PlanId = all.Count == 0 ? 1 : all.Max(p => p.PlanId) + 1 };
            all.Add(numbered);
            added.Add(numbered);
        }
        if (added.Count > 0) Save(all);
        return added;
    }

    public StoredPlan Append(StoredPlan plan) => Append([plan])[0];

    private void Save(IReadOnlyList<StoredPlan> plans)
    {
        ReportWriter.PrepareRestrictedFolder(Folder);
        var temp = Path.Combine(Folder, $".{FileName}.{Environment.ProcessId}.tmp");
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, plans, Json);
            stream.Flush(flushToDisk: true);
        }
        // The umask can only take bits away; make sure a stricter-than-usual one did not leave the owner without write.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, OwnerOnlyFile);
        File.Move(temp, FilePath, overwrite: true);
    }
}
