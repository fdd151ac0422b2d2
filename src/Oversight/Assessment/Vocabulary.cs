namespace Oversight.Assessment;

/// <summary>The words a scheme file is written in (its evidence sources and denominators, as sql/marts names them) and
/// the review terms a scheme gets when it writes none: data of the scheme-file contract, not messages.</summary>
public static class Vocabulary
{
    /// <summary>Where evidence comes from (sql/marts/mart_assessment_evidence.sql).</summary>
    public static readonly string[] Sources = ["办件", "投诉", "回访", "视频抽查", "暗访", "考核记录", "补录", "延时服务", "整改"];

    /// <summary>Denominators a rate rule may divide by (sql/reports/annual/volumes.sql).</summary>
    public static readonly string[] Volumes = ["办件", "办结", "回访", "评价", "视频抽查", "整改交办"];

    /// <summary>The volume of cases a subject handled (the credibility gate's minimum sample).</summary>
    public const string Cases = "办件";

    public const string DefaultAppealAddress = "县政务服务管理局（县便民服务中心）办公室";

    public const string DefaultAppealBring = "书面复核申请（写明对哪条记录有异议及理由）、所涉记录编号、证明材料";
}
