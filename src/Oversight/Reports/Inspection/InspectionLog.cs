namespace Oversight.Reports.Inspection;

/// <summary>Records every generation of an inspection plan in the restricted store: who, when, for whom, which files,
/// and what it proposed.</summary>
public static class InspectionLog
{
    public static StoredPlan Record(InspectionPlanStore store, InspectionBriefingBuilder.Result result, string recipient, string generatedBy,
        DateTime generatedAt, IReadOnlyList<string> files) =>
        store.Append(new StoredPlan(
            PlanId: 0,
            Month: result.Month,
            GeneratedAt: generatedAt,
            GeneratedBy: generatedBy,
            Account: CurrentAccount(),
            Recipient: recipient,
            Folder: store.Folder,
            Files: files.Select(Path.GetFullPath).ToList(),
            Items: result.Plan.Proposals.Zip(result.Briefing.Centers)
                .Select(x => new StoredPlanItem(x.First.Position, x.First.CenterCode, x.Second.Windows.Select(w => w.Code).ToList(),
                    x.First.Basis, x.First.EvidenceKey, x.First.Priority))
                .ToList()));

    /// <summary>The operating-system account that ran the generation ("user@host"): kept in the confidential log for
    /// audit, never printed as the briefing's author.</summary>
    public static string CurrentAccount() => $"{Environment.UserName}@{Environment.MachineName}";
}
