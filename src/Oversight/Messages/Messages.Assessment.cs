namespace Oversight;

// The assessment (考核): mistakes in its scheme files, appeals (复核), the scorer's notes on a scored line and the reasons
// a subject may not be honoured (printed in the appendix and the ranking), and its tables.
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

    // Why a subject may not be honoured (the ranking's 不参加评优的原因); the part before "：" groups a reason across quarters.
    public const string IneligibleVeto = "有否决项";

    public static string IneligibleFewCases(string cases, int min) => $"样本不足：本季度经办办件 {cases} 件，少于 {min} 件，不参加评优";

    public static string IneligibleLowScore(string score, string floor) => $"低于评优最低分：{score} 分，低于 {floor} 分";

    // The notes of a scored line (the appendix's 说明).
    public static string NoteCapPerRecord(string cap) => $"单条封顶 {cap} 分";

    public static string NoteCapPerQuarter(string cap) => $"已达本项每季度上限 {cap} 分";

    public static string NoteAdditionCapPerRule(string cap) => $"本项加分最多 +{cap} 分";

    public static string NotePartUsedUp(string part, string points, string would) =>
        $"“{part}”部分 {points} 分已扣完（扣完为止），本条原应 {would} 分";

    public static string NoteAdditionsCap(string max, string would) => $"已达每季度加分上限 +{max} 分，本条原应 +{would} 分";

    public static string NoteAppealWithdrawn(long id, string approver, DateOnly decidedOn, string reason) =>
        $"经复核撤销（第 {id} 号，{approver} {decidedOn:yyyy-MM-dd} 批准：{reason}）";

    public static string NoteAppealKept(long id, string approver, DateOnly decidedOn, string reason) =>
        $"经复核维持原结论（第 {id} 号，{approver} {decidedOn:yyyy-MM-dd}：{reason}）";

    public static string NoteAppealChanged(string from, string to, long id, string approver, DateOnly decidedOn, string reason) =>
        $"经复核由 {from} 改为 {to}（第 {id} 号，{approver} {decidedOn:yyyy-MM-dd} 批准：{reason}）";

    // Tables (report-templates/figures.json, assessment_tables).
    public static string AssessmentTableField(string table, string field, string file) =>
        $"指标目录 {file} 中考核表格“{table}”的列“{field}”不是该表格的内容，请检查拼写。";

    public static string FigureMistakeField(string table) => $"表格“{table}”中有一列写了 field 却没有 header（列标题）。";
}
