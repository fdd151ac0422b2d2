namespace Oversight;

// The assessment (考核): mistakes in its scheme files, appeals (复核), the report's title, file names and the appeals table's
// cells. The scorer's notes, the reasons a subject may not be honoured, the coverage and the appendix's cells are worded in
// report-templates/annual/sentences.sbn.
public static partial class Messages
{
    // The scheme file (report-templates/annual/*.json).
    public static string RulesFileMissing(string path) => $"找不到考核计分规则文件：{path}";

    public static string RulesFileEmpty(string path) => $"考核计分规则文件 {path} 是空的。";

    public static string RulesFileUnreadable(string path, long line, string why) => $"考核计分规则文件 {path} 第 {line} 行有错误：{why}";

    /// <summary>A mistake at a line of the file: <paramref name="what"/> is one of the Rules… texts below.</summary>
    public static string RulesFileMistake(string path, long line, string what) => $"考核计分规则文件 {path} 第 {line} 行：{what}";

    public static string RulesRuleMistake(string id, string what) => $"规则 {id}：{what}";

    public static string RulesUnknownSetting(string name) => $"不认识的设置项“{name}”（请检查拼写）。";

    public static string RulesMissingRequired(string names) => $"缺少必填项 {names}。";

    public static string RulesBadJson(string detail) => "JSON 格式不对（逗号、引号或括号）：" + detail;

    public const string RulesNoName = "缺少方案名称（name）。";

    public static string RulesBadSubject(string subject) => $"subject “{subject}”不对，应为 center（乡镇/中心）或 staff（窗口工作人员）。";

    public const string RulesNone = "没有任何计分规则（rules）。";

    public const string RulesNoId = "有一条规则缺少 id。";

    public static string RulesBadSource(string source, IReadOnlyList<string> sources) => $"source “{source}”不对，应为 {string.Join("、", sources)} 之一。";

    public static string RulesCapSign(string setting) => $"{setting} 应与 points_per_unit 同号。";

    public static string RulesUnknownPart(string part) => $"part “{part}”没有在 parts 中定义。";

    public static string RulesBadClass(string value, IReadOnlyList<string> classes) =>
        $"classes 中的“{value}”不对，应为 {string.Join("、", classes)} 之一（bad 差评，satisfied 满意，violation 视频违规，empty_post 空岗无人，upheld 投诉属实）。";

    public const string RulesBadPer = "per 应为 percentage_point（每百分点）、per_1000（每千件）或 per_case（每件平均）。";

    public const string RulesBadMeasure = "measure 应为 count（记录条数）或 quantity（数量之和，如超期工作日）。";

    public const string RulesRepeatedIds = "规则 id 有重复。";

    public static string RulesPartPoints(string part) => $"部分 {part} 的 points 应为正数（该部分最多扣的分）。";

    public const string RulesMaxAdditions = "max_additions_per_quarter 应为正数。";

    public const string RulesLastBand = "等次（bands）的最后一档不能有 min_score，以便每个考核对象都有等次。";

    public const string RulesHonourTopN = "honour 的 top_n 应为正整数。";

    public const string RulesTieAtCutoff = "tie_at_cutoff 应为 all（并列者全部评上）或 none（并列者都不评）。";

    public const string RulesCompareWithin = "compare_within 只能为 post（按岗位分别排名）或不写。";

    public const string RulesBootstrapDraws = "bootstrap_draws 应在 0–5000 之间。";

    public const string RulesLevel = "level（区间的置信水平）应在 0.5 与 1 之间，如 0.9。";

    // Appeals (oversight appeal).
    public static string AppealBadSource(string source, IReadOnlyList<string> sources) => $"证据来源“{source}”不对，应为 {string.Join("、", sources)} 之一。";

    public const string AppealNoReason = "请写明复核理由（--reason）。";

    public const string AppealNoApprover = "请写明批准人（--approver）。";

    public const string AppealNegativeQuantity = "复核后的数量不能为负数。";

    public const string AppealKeepAndQuantity = "“维持原结论”（--keep）与更正数量（--quantity）不能同时使用。";

    public static string AppealNoRecord(string source, string recordId) =>
        $"考核证据中没有{source}记录“{recordId}”。请用 oversight query 查看 mart_assessment_evidence 核对编号。";

    public static string AppealTooLate(string period, DateOnly publishedOn, DateOnly deadline, DateOnly filedOn) =>
        $"已超过公示期：{period}考核结果于 {publishedOn:yyyy-MM-dd} 公布，复核申请须在 {deadline:yyyy-MM-dd}（含）前提出，" +
        $"本申请日期为 {filedOn:yyyy-MM-dd}。确需受理的，请由有权领导批准后加 --late-approved-by \"批准人\" 重新登记。";

    // Scoring.
    public const string AssessmentNoQuarters = "没有可考核的季度。";

    /// <summary>The record id of a line scored over the quarter (a rate), not for one record.</summary>
    public const string RateLineRecord = "（比率）";

    // Building the report.
    public const string AssessmentNoCenters = "数据库中没有中心数据，无法考核。请先导入“中心”表。";

    public static string AssessmentNoData(string period) =>
        $"{period}没有任何数据（办件、投诉、回访、视频抽查、检查、考核记录均无），无法考核。请核对年度或季度，或先导入该期间的数据。";

    public static string AssessmentNoStaff(string period) => $"{period}没有在岗的窗口工作人员，无法考核。请先导入“人员”表。";

    public static string AssessmentNoDrawKey(string path) => $"找不到数据库密钥文件 {path}：抽样考核需要用它按固定规则抽取记录。";

    public static string AssessmentTitle(string county, string period, bool staff) =>
        $"{county}{period}{(staff ? "窗口工作人员考核" : "乡镇便民服务工作考核（乡镇长）")}";

    /// <summary>File names by kind, period and scheme (乡镇长考核_2026年第三季度_默认方案); a draft's say 草稿.</summary>
    public static string AssessmentFileBase(bool staff, string period, string scheme, bool draft) =>
        $"{(staff ? "窗口工作人员考核" : "乡镇长考核")}_{period}_{scheme}" + (draft ? "_草稿" : "");

    public const string SubjectStaff = "工作人员";

    public const string SubjectCenter = "中心";

    /// <summary>A staff member whose post the staff feed leaves empty.</summary>
    public const string NoPost = "未填岗位";

    // The appeals table's decision and filing cells.
    public const string AppealDecisionWithdrawn = "撤销该条证据";

    public const string AppealDecisionKept = "维持原结论";

    public static string AppealDecisionChanged(string from, string to) => $"数量由 {from} 改为 {to}";

    /// <summary>When an appeal was filed ("" unknown) and who let a late one in ("" none).</summary>
    public static string AppealFiled(string filedOn, string lateApprovedBy) =>
        (filedOn.Length > 0 ? $"{filedOn} 提出" : "") + (lateApprovedBy.Length > 0 ? $"（逾期，经 {lateApprovedBy} 批准受理）" : "");

    public static readonly string[] AssessmentSheetNames = ["考核结果", "逐条计分"];

    // Tables (report-templates/figures.json, assessment_tables).
    public static string FigureMistakeField(string table) => $"表格“{table}”中有一列的 field（列名）或 header（列标题）没有写成文字。";
}
