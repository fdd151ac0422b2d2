namespace Oversight.Rectification;

/// <summary>Where an item of the 整改 ledger stands. 逾期 is not a status one sets: an open item past its deadline is
/// overdue (red) by the calendar, whatever its status says.</summary>
public enum RectificationStatus
{
    Proposed,         // 待确认: found by the product, not yet assigned
    Dropped,          // 已撤销: a proposal the office did not take up
    Assigned,         // 已交办
    InProgress,       // 整改中
    ReviewRequested,  // 申请销号
    Returned,         // 退回重改
    Closed,           // 已销号
}

/// <summary>The statuses' Chinese names and the moves allowed between them; the ledger, the CLI and the 整改反馈 feed
/// (sql/ingest/rectification_updates.sql, which a test holds to <see cref="TownshipMoves"/>) all follow these.</summary>
public static class RectificationStatuses
{
    private static readonly (RectificationStatus Status, string Name)[] Names =
    [
        (RectificationStatus.Proposed, "待确认"), (RectificationStatus.Dropped, "已撤销"), (RectificationStatus.Assigned, "已交办"),
        (RectificationStatus.InProgress, "整改中"), (RectificationStatus.ReviewRequested, "申请销号"),
        (RectificationStatus.Returned, "退回重改"), (RectificationStatus.Closed, "已销号"),
    ];

    /// <summary>Moves the office makes (confirm, drop, review, reopen).</summary>
    private static readonly (RectificationStatus From, RectificationStatus To)[] OfficeMoves =
    [
        (RectificationStatus.Proposed, RectificationStatus.Assigned), (RectificationStatus.Proposed, RectificationStatus.Dropped),
        (RectificationStatus.ReviewRequested, RectificationStatus.Closed), (RectificationStatus.ReviewRequested, RectificationStatus.Returned),
        (RectificationStatus.Closed, RectificationStatus.Returned),
    ];

    /// <summary>Moves a township reports (through `rectify update` or the 整改反馈 workbook): work on it and ask for 销号.
    /// Closing is never among them: 销号 passes a reviewer.</summary>
    public static readonly IReadOnlyList<(RectificationStatus From, RectificationStatus To)> TownshipMoves =
    [
        (RectificationStatus.Assigned, RectificationStatus.InProgress), (RectificationStatus.Assigned, RectificationStatus.ReviewRequested),
        (RectificationStatus.InProgress, RectificationStatus.ReviewRequested),
        (RectificationStatus.Returned, RectificationStatus.InProgress), (RectificationStatus.Returned, RectificationStatus.ReviewRequested),
    ];

    public static string Name(this RectificationStatus status) => Names.First(n => n.Status == status).Name;

    public static RectificationStatus Parse(string name) =>
        TryParse(name) ?? throw new RectificationException(Messages.UnknownStatus(name, Names.Select(n => n.Name)));

    public static RectificationStatus? TryParse(string name)
    {
        foreach (var (status, n) in Names) if (n == name.Trim()) return status;
        return null;
    }

    /// <summary>The names a township may put in the workbook's 状态 column (its dropdown).</summary>
    public static IReadOnlyList<string> TownshipChoices { get; } =
        [RectificationStatus.InProgress.Name(), RectificationStatus.ReviewRequested.Name()];

    public static bool IsOpen(this RectificationStatus s) =>
        s is RectificationStatus.Assigned or RectificationStatus.InProgress or RectificationStatus.ReviewRequested or RectificationStatus.Returned;

    public static bool OfficeMay(RectificationStatus from, RectificationStatus to) => OfficeMoves.Contains((from, to));

    public static bool TownshipMay(RectificationStatus from, RectificationStatus to) => from == to && from.IsOpen() || TownshipMoves.Contains((from, to));
}

/// <summary>Where an item came from; each class has its own time limit (sql/seeds/metric_settings.csv rectify_days_*).</summary>
public static class RectificationSources
{
    public const string Briefing = "通报问题";
    public const string Visit = "暗访/明查";
    public const string Video = "视频抽查";
    public const string BadRating = "差评";
    public const string Complaint = "属实投诉";
    public const string Assessment = "考核";
    public const string Manual = "手工";

    public static IReadOnlyList<string> All { get; } = [Briefing, Visit, Video, BadRating, Complaint, Assessment, Manual];
}

/// <summary>The 三色督办 lights as core_rectification_item writes them (红 overdue, 黄 behind, 蓝 due soon).</summary>
public static class LightColor
{
    public const string Red = "红";
    public const string Yellow = "黄";
    public const string Blue = "蓝";
}

/// <summary>The 责任追究 measures a county records (the forms 监督执纪 uses, lightest first).</summary>
public static class Accountability
{
    public static IReadOnlyList<string> Measures { get; } = ["提醒谈话", "约谈", "通报批评", "责令检查", "诫勉谈话", "组织处理", "纪律处分"];
}

/// <summary>The keys that keep a finding from being proposed twice (rectification_item.source_key, unique): stored in
/// every warehouse, so their form never changes.</summary>
public static class ProposalKeys
{
    public static string Briefing(DateOnly month, string kind, string centerCode) => $"通报:{month:yyyy-MM}:{kind}:{centerCode}";

    public static string Visit(string visitId) => $"暗访:{visitId}";

    public static string Complaint(string complaintId) => $"投诉:{complaintId}";

    public static string Manual() => $"手工:{Guid.NewGuid():N}";
}

/// <summary>A mistake the user can fix (unknown item, a move not allowed, a close without a reviewer), in Chinese.</summary>
public sealed class RectificationException(string message) : Exception(message);
