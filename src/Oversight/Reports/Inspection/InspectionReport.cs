using DuckDB.NET.Data;
using Oversight.Analytics;

namespace Oversight.Reports.Inspection;

/// <summary>Generates the inspection briefing into the restricted folder. A draft (征求意见稿, files named 草稿) takes
/// no 份号 and is not logged; an issue (`--issue`, and the nightly service) takes the next 份号 and logs the plan in the
/// restricted folder, where the next plans' rotation and record read it.</summary>
public static class InspectionReport
{
    /// <param name="Issuer">The person or office generating the plan, printed as 生成人; defaults to the issuer in
    /// settings.json. Never the operating-system account.</param>
    /// <param name="Issue">Issue (take a 份号, date it, log the plan) rather than write a draft.</param>
    public sealed record Options(DateOnly Month, string RestrictedFolder, string Recipient, int PlanSize = Configuration.Defaults.InspectionPlanSize, bool Pdf = true, string? Issuer = null,
        bool Issue = false);

    /// <returns>The files, the plan, and the logged plan (null for a draft).</returns>
    public static (ReportFiles Files, InspectionBriefingBuilder.Result Result, StoredPlan? Plan) Generate(DuckDBConnection connection,
        string dbPath, byte[] key, TemplateFolder templates, Options options, FlagSettings? flagSettings = null)
    {
        if (options.PlanSize < 1) throw new ReportException(Messages.InspectionPlanSizeTooSmall);
        if (string.IsNullOrWhiteSpace(options.Recipient)) throw new ReportException(Messages.InspectionNeedsRecipient);
        RefuseSharedFolder(options.RestrictedFolder);
        var settings = ReportSettings.Load(templates);
        var by = string.IsNullOrWhiteSpace(options.Issuer) ? settings.Issuer : options.Issuer.Trim();
        if (string.IsNullOrWhiteSpace(by))
            throw new ReportException(Messages.InspectionNeedsIssuer);
        var store = new InspectionPlanStore(options.RestrictedFolder);
        var generatedAt = DateTime.Now;
        var result = InspectionBriefingBuilder.Build(connection, dbPath, key, options.Month, options.PlanSize, options.Recipient,
            settings, generatedAt, by, store.Load(), flagSettings, draft: !options.Issue);
        var files = ReportWriter.Write(templates, "inspection/briefing", result.Briefing, options.RestrictedFolder,
            FileBase(result.Month, draft: !options.Issue), options.Pdf, confidential: true);
        var plan = options.Issue ? InspectionLog.Record(store, result, options.Recipient, by, generatedAt, files.All) : null;
        return (files, result, plan);
    }

    /// <summary>File name (without extension) of the briefing for the month after <paramref name="dataMonth"/>.</summary>
    public static string FileBase(DateOnly dataMonth, bool draft) => $"{Messages.InspectionFileStem}_{dataMonth.AddMonths(1):yyyy-MM}" + (draft ? "_" + Messages.DraftFileTag : "");

    /// <summary>A folder that already holds the briefings townships read is not restricted, whatever its mode.</summary>
    private static void RefuseSharedFolder(string folder)
    {
        if (!Directory.Exists(folder)) return;
        if (Messages.PublicDocumentStems.Any(stem => Directory.EnumerateFiles(folder, stem + "_*").Any()))
            throw new ReportException(Messages.InspectionFolderShared(Path.GetFullPath(folder)));
    }
}
