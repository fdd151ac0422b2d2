namespace Oversight;

// The monthly briefing's and the inspection briefing's messages (Oversight.Reports.Monthly, .Inspection), and the
// documents' file names. What the documents themselves say is in report-templates/.
public static partial class Messages
{
    public static string BriefingNoData(Calendar.Month month) => $"{month.ChineseLabel}没有任何办件或投诉数据，无法生成通报。请确认月份或先导入数据。";

    public const string BriefingNoCenters = "数据库中没有中心数据，无法生成通报。请先导入“中心”表。";

    public const string InspectionNoCenters = "数据库中没有中心数据，无法生成暗访工作提示。请先导入“中心”表。";

    public static string InspectionNoCases(Calendar.Month month) => $"{month.ChineseLabel}没有任何办件数据，无法生成暗访工作提示。请确认月份或先导入数据。";

    public const string InspectionPlanSizeTooSmall = "暗访计划的中心数至少为 1。";

    public const string InspectionNeedsRecipient = "暗访工作提示必须写明收件人。";

    public const string InspectionNeedsIssuer = "暗访工作提示必须写明生成人：请用 --issuer 指定（如“县纪委监委第一监督检查室 张三”），或在 settings.json 中填写 issuer。";

    public static string InspectionFolderShared(string folder) =>
        $"目录 {folder} 中有月度通报或年度考核，乡镇可能看到；暗访工作提示必须写到单独的受限目录（例如 ./restricted）。";

    public static string InspectionNotScored(string reason) => $"本月未能评分（{reason}），计划只依据预警、投诉和视频抽查。";

    public static string PlanLogNoAccess(string path) => $"无权读取暗访计划记录 {path}：请以生成暗访工作提示的账户运行。";

    public static string PlanLogCorrupt(string path, long line) => $"暗访计划记录 {path} 第 {line} 行已损坏，无法读取。请从备份恢复该文件。";

    public static string InspectionSettingMissing(string key) => $"暗访设置 sql/seeds/inspection_settings.csv 中缺少“{key}”或其值不是非负数。";

    public const string InspectionWeightsZero = "暗访设置 sql/seeds/inspection_settings.csv 中线索强度的权重全为 0。";

    public const string InspectionMinChecksTooSmall = "暗访设置 timing_min_checks 至少为 1。";

    // File names a user sees (and the restricted-folder check matches): 月度通报_2026-10_草稿.md.
    public const string MonthlyFileStem = "月度通报";

    public const string PackFileStem = "乡镇分送";

    public const string InspectionFileStem = "暗访工作提示";

    public const string DraftFileTag = "草稿";

    public const string PlanLogFileName = "暗访计划记录.json";

    /// <summary>The stems of the documents townships read (an inspection briefing is never written beside them).</summary>
    public static readonly string[] PublicDocumentStems = ["月度通报", "年度考核", "乡镇长考核", "窗口工作人员考核"];

    /// <summary>The monthly annex workbook's sheets: the ranking, then the lists in the order the annexes print them.</summary>
    public static readonly string[] MonthlySheetNames = ["各中心运行情况", "超期办件", "长期未办结", "属实投诉", "视频抽查问题", "整改台账"];
}
