namespace Oversight;

// oversight train / flags / backtest and appeal listings: model runs and their tables.
public static partial class Messages
{
    public const string Training = "训练模型";

    public const string TrainingBoth = "窗口模型与中心模型";

    /// <param name="window">The window model (else the center model).</param>
    /// <param name="positives">Overdue-prone rows in the training data, for the window model.</param>
    public static string ModelTrained(bool window, long modelId, int rows, int? positives, DateOnly asOf, string path) =>
        $"{(window ? "超期窗口模型" : "中心模型")}：第 {modelId} 号，训练数据 {rows:N0} 条" +
        (positives is { } p ? $"（其中“易超期” {p:N0} 条）" : "") + $"，截至 {asOf:yyyy-MM-dd} 之前，保存在 {path}";

    public const string WindowFlagsTitle = "最可能超期的窗口";
    public const string CenterFlagsTitle = "最可能“形同虚设”的中心";
    public const string WindowFlagsRest = "其余窗口未见明显异常。";
    public const string CenterFlagsRest = "其余中心未见明显异常。";

    public static readonly string[] FlagColumns = ["名次", "编码", "名称", "得分", "理由"];

    public const string Backtesting = "滚动回测";

    public static readonly string[] BacktestColumns = ["对象", "方法", "评分数", "实际为真", "前5名命中率", "前10名命中率", "前10名召回率", "AUC（曲线下面积）", "Brier 分数"];

    public const string BacktestWindowObject = "窗口（当月是否易超期）";

    /// <param name="outcomeSource">Where the centers' outcome came from; inspections when not known.</param>
    public static string BacktestCenterObject(string? outcomeSource) => $"中心（{outcomeSource ?? "检查"}是否发现问题）";

    public const string BacktestReliabilityHeading = "可靠性（预测概率分段：件数，平均预测 / 实际比例；规则的概率按此前各月同一分数段的实际比例换算）：";

    public const string BacktestPredicted = "预测概率";

    public const string BacktestLeadHeading = "开始超期的窗口（此前 3 个月均未“易超期”）多快进入前 10 名（0 = 当月即列入）：";

    public static readonly string[] BacktestLeadColumns = ["方法", "开始超期的窗口月", "当月即列入", "1个月内列入", "平均滞后（月，3个月内找到的）"];

    public const string BacktestThirdsHeading = "按办件量三等分，进入前 10 名（中心：列入预警名单）的比例：";

    public static readonly string[] BacktestThirdsColumns = ["对象", "方法", "最小的三分之一", "中间三分之一", "最大的三分之一"];

    public const string Window = "窗口";
    public const string Center = "中心";

    public static string BacktestCenterNote(string note) => "中心回测：" + note;

    // appeal list
    /// <param name="withdrawn">The appeal withdrew the record (else it changed its quantity).</param>
    public static string AppealLine(long id, DateOnly decided, string source, string record, bool withdrawn, double? quantity, string reason, string approver) =>
        $"第 {id} 号 {decided:yyyy-MM-dd} {source} {record}：" + (withdrawn ? "撤销" : $"数量改为 {quantity}") + $"，理由：{reason}，批准人：{approver}";
}

// Training and backtesting refused or explained (Oversight.Analytics).
public static partial class Messages
{
    public static string NoCasesToTrainOn(DateOnly cutoff) => $"{cutoff:yyyy-MM-dd} 之前没有可用于训练的办件数据。";

    public static string NoCentersToTrainOn(DateOnly cutoff) => $"{cutoff:yyyy-MM-dd} 之前没有可用于训练的中心数据。";

    public static string TooFewCentersToTrain(int centers) => $"训练数据只有 {centers} 个中心，至少需要 5 个中心才能比较。";

    /// <param name="none">No window month is overdue-prone (else every one is).</param>
    public static string WindowLabelsOneSided(bool none, int rows) =>
        $"训练数据中{(none ? "没有" : "全是")}“易超期”的窗口月份，无法训练窗口模型（共 {rows} 条）。";

    public const string BadEvidenceSettings =
        "指标设置 sql/seeds/metric_settings.csv 中预警的设置（evidence_alpha、strong_evidence_alpha、ranking_backtest_months、" +
        "overdue_prone_min_late、overdue_prone_margin）缺失或取值不对：概率应在 0 与 1 之间且强证据门槛不大于一般门槛，月数和件数至少为 1。";

    public static string BacktestingWindows(DateOnly month) => $"窗口 {month:yyyy-MM}";

    public static string BacktestingCenters(DateOnly month) => $"中心 {month:yyyy-MM}";

    public const string BacktestNoVisits = "回测期间本县没有任何暗访或明查记录，中心回测没有可比对的检查结果。";

    /// <param name="threshold">The problems an inspection must find to count as finding the center empty.</param>
    public static string BacktestByAnnouncedVisits(int visits, int threshold, int found) =>
        $"回测期间本县没有暗访记录，改用明查结果检验（明查事先通知，中心有准备，发现的问题偏少）；共 {visits} 次，发现 {threshold} 个以上问题的 {found} 次。";

    public static string BacktestByUnannouncedVisits(int visits, int threshold, int found) =>
        $"以暗访结果检验：共 {visits} 次，发现 {threshold} 个以上问题的 {found} 次。";

    public static string BacktestNothingFound(int threshold) => $"没有一次检查发现 {threshold} 个以上问题，命中率和 AUC 无从计算。";
}
