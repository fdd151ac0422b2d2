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
        if (options.PlanSize < 1) throw new ReportException("暗访计划的中心数至少为 1。");
        if (string.IsNullOrWhiteSpace(options.Recipient)) throw new ReportException("暗访工作提示必须写明收件人。");
        RefuseSharedFolder(options.RestrictedFolder);
        var settings = ReportSettings.Load(templates);
        var by = string.IsNullOrWhiteSpace(options.Issuer) ? settings.Issuer : options.Issuer.Trim();
        if (string.IsNullOrWhiteSpace(by))
            throw new ReportException("暗访工作提示必须写明生成人：请用 --issuer 指定（如“县纪委监委第一监督检查室 张三”），或在 settings.json 中填写 issuer。");
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
    public static string FileBase(DateOnly dataMonth, bool draft) => $"暗访工作提示_{dataMonth.AddMonths(1):yyyy-MM}" + (draft ? "_草稿" : "");

    /// <summary>A folder that already holds the briefings townships read is not restricted, whatever its mode.</summary>
    private static void RefuseSharedFolder(string folder)
    {
        if (!Directory.Exists(folder)) return;
        if (Directory.EnumerateFiles(folder, "月度通报_*").Any() || new[] { "年度考核_*", "乡镇长考核_*", "窗口工作人员考核_*" }.Any(p => Directory.EnumerateFiles(folder, p).Any()))
            throw new ReportException($"目录 {Path.GetFullPath(folder)} 中有月度通报或年度考核，乡镇可能看到；暗访工作提示必须写到单独的受限目录（例如 ./restricted）。");
    }
}
