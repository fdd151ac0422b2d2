namespace Oversight.Ingest;

/// <summary>One column of a feed as the contract defines it. <paramref name="FreeText"/>: text as people write it
/// (names, content, comments, notes, findings), in which ID, phone and bank card numbers are masked on load
/// (<see cref="Privacy.FreeTextMask"/>, applied by <see cref="RawRows"/>): a new feed only marks its columns.</summary>
public sealed record FeedColumn(string Name, string ChineseHeader, bool Required, bool FreeText = false)
{
    /// <summary>A record's id or a reference to one (complaint_id, case_id, staff_id): never a phone or ID number.
    /// applicant_id is the applicant's ID number itself, hashed on load.</summary>
    public bool IsRecordId => Name.EndsWith("_id", StringComparison.Ordinal) && Name != "applicant_id";

    /// <summary>A code, id or number to be kept as text (leading zeros matter): what XLSX numeric cells can spoil.</summary>
    public bool IsCode => Name.EndsWith("_code", StringComparison.Ordinal) || Name.EndsWith("_id", StringComparison.Ordinal)
                          || Name.EndsWith("phone", StringComparison.Ordinal);
}

/// <summary>A feed of the input contract (shared/contracts/feeds.md): its names, columns and load order.
/// Validation and upsert rules live in sql/ingest/&lt;feed&gt;.sql.</summary>
public sealed record Feed(string Name, string ChineseName, bool IsReference, IReadOnlyList<FeedColumn> Columns)
{
    /// <summary>Load order: reference feeds first, in dependency order, then facts.</summary>
    public int Order => All.ToList().IndexOf(this);

    public string LoaderSql => $"ingest/{Name}.sql";

    private static FeedColumn C(string name, string zh, bool required = false) => new(name, zh, required);

    private static FeedColumn Text(string name, string zh, bool required = false) => new(name, zh, required, FreeText: true);

    public static readonly Feed Centers = new("centers", "中心", true, [
        C("center_code", "中心编码", true), Text("center_name", "中心名称", true), C("county_code", "县区编码", true),
        C("kind", "类型", true), C("population", "户籍人口"), Text("head_name", "乡镇长"), C("opened_on", "启用日期")]);

    public static readonly Feed Windows = new("windows", "窗口", true, [
        C("window_code", "窗口编码", true), C("center_code", "中心编码", true), Text("window_name", "窗口名称", true),
        C("category", "窗口类别"), C("opened_on", "启用日期"), C("closed_on", "撤销日期")]);

    public static readonly Feed Staff = new("staff", "人员", true, [
        C("staff_id", "工号", true), Text("staff_name", "姓名", true), C("center_code", "中心编码", true),
        C("window_code", "窗口编码"), C("post", "岗位"), C("employment", "用工性质"), C("active_from", "到岗日期"),
        C("active_to", "离岗日期")]);

    public static readonly Feed Items = new("items", "事项", true, [
        C("item_code", "事项编码", true), Text("item_name", "事项名称", true), C("item_kind", "事项类型"),
        C("legal_days", "法定时限"), C("promised_days", "承诺时限", true)]);

    public static readonly Feed Calendar = new("calendar", "日历", true, [
        C("date", "日期", true), C("day_type", "类型", true), Text("name", "名称")]);

    /// <summary>Optional: a center's own opening hours (作息时间) by weekday and/or date range; without it the settings'
    /// default hours apply (core_center_day_hours).</summary>
    public static readonly Feed CenterHours = new("center_hours", "作息时间", true, [
        C("center_code", "中心编码", true), C("weekday", "星期"), C("date_from", "开始日期"), C("date_to", "结束日期"),
        C("open_time", "上班时间", true), C("close_time", "下班时间", true)]);

    public static readonly Feed Cases = new("cases", "办件", false, [
        C("case_id", "办件编号", true), C("center_code", "中心编码", true), C("window_code", "窗口编码", true),
        C("staff_id", "受理人工号"), C("item_code", "事项编码", true), C("case_type", "办件类型", true),
        C("channel", "受理渠道"), C("accepted_at", "受理时间", true), C("due_at", "承诺办结时间"),
        C("paused_days", "暂停计时天数"), C("completed_at", "办结时间"), C("status", "办件状态", true),
        C("applicant_id", "申请人证件号码"), C("applicant_phone", "联系电话"), C("recorded_at", "录入时间"),
        C("updated_at", "更新时间")]);

    public static readonly Feed Complaints = new("complaints", "投诉", false, [
        C("complaint_id", "投诉编号", true), C("received_at", "受理时间", true), C("source", "来源", true),
        C("center_code", "中心编码", true), C("window_code", "窗口编码"), C("staff_id", "被投诉人工号"),
        C("case_id", "关联办件编号"), C("category", "类别", true), Text("content", "内容"), C("verdict", "核查结果"),
        C("responded_at", "答复时间"), C("closed_at", "办结时间"), C("complainant_phone", "投诉人电话"),
        C("updated_at", "更新时间")]);

    public static readonly Feed Callbacks = new("callbacks", "回访", false, [
        C("callback_id", "回访编号", true), C("case_id", "办件编号", true), C("method", "方式", true),
        C("called_at", "回访时间", true), C("reached", "是否接通", true), C("rating", "评价"), Text("comment", "意见"),
        C("rectified_at", "整改完成时间"), C("phone", "回访号码")]);

    public static readonly Feed VideoChecks = new("video_checks", "视频抽查", false, [
        C("check_id", "抽查编号", true), C("checked_at", "抽查时间", true), C("center_code", "中心编码", true),
        C("window_code", "窗口编码"), Text("checker", "抽查人"), C("finding", "结果", true), C("staff_on_duty", "在岗人数"),
        C("people_waiting", "等候人数"), Text("note", "备注")]);

    public static readonly Feed Visits = new("visits", "暗访", false, [
        C("visit_id", "检查编号", true), C("visited_at", "检查时间", true), C("center_code", "中心编码", true),
        C("window_code", "窗口编码"), C("visit_type", "方式", true), Text("team", "检查组"),
        C("problems_found", "发现问题数", true), C("severity", "严重程度"), Text("findings", "问题描述")]);

    public static readonly Feed AssessmentEvents = new("assessment_events", "考核记录", false, [
        C("event_id", "记录编号", true), C("occurred_on", "发生日期", true), C("center_code", "中心编码", true),
        C("window_code", "窗口编码"), C("staff_id", "工号"), C("kind", "类别", true), C("quantity", "次数"),
        Text("recorder", "记录人"), Text("note", "说明")]);

    /// <summary>整改反馈: the 整改台账 workbook a township sends back (Rectification.RectificationWorkbook writes it).</summary>
    public static readonly Feed RectificationUpdates = new("rectification_updates", "整改反馈", false, [
        C("item_no", "编号", true), Text("responsible", "责任人"), Text("measures", "整改措施"), Text("evidence", "佐证"),
        C("completed_on", "完成日期"), C("status", "状态", true), Text("sender", "填报人")]);

    public static IReadOnlyList<Feed> All { get; } =
        [Centers, Windows, Staff, Items, Calendar, CenterHours, Cases, Complaints, Callbacks, VideoChecks, Visits, AssessmentEvents, RectificationUpdates];

    /// <summary>The feed named by a file: its first word before '_', '-' or '.', English or Chinese.</summary>
    public static Feed? ForFileName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        // "video_checks" itself contains '_': match whole feed names first.
        foreach (var feed in All)
        {
            foreach (var candidate in new[] { feed.Name, feed.ChineseName })
            {
                if (name.StartsWith(candidate, StringComparison.OrdinalIgnoreCase) &&
                    (name.Length == candidate.Length || name[candidate.Length] is '_' or '-' or '.'))
                    return feed;
            }
        }
        return null;
    }

    /// <summary>The canonical column for a header cell (English or Chinese; invisible characters and spaces ignored).</summary>
    public FeedColumn? ColumnForHeader(string header)
    {
        var h = CsvHeader.Clean(header);
        return Columns.FirstOrDefault(c =>
            string.Equals(c.Name, h, StringComparison.OrdinalIgnoreCase) || c.ChineseHeader == h);
    }
}
