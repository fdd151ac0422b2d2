namespace Oversight.Ingest;

/// <summary>How a feed column's text is read (LoaderSql generates the parse and the standard checks from it).</summary>
public enum ColumnType
{
    /// <summary>An id or code: trimmed, full-width folded, kept as text.</summary>
    Code,
    /// <summary>A name or label: trimmed.</summary>
    Text,
    /// <summary>Free text kept as sent (content, comments, notes): masked on load, never checked.</summary>
    Note,
    Date,
    Timestamp,
    /// <summary>A whole number of at least <see cref="FeedColumn.Least"/>.</summary>
    Int,
    /// <summary>One of the values of <see cref="FeedColumn.Domain"/> in seed_enum_values (aliases map to the canonical value).</summary>
    Enum,
    /// <summary>是/否 (domain yes_no), stored as a boolean.</summary>
    YesNo,
    /// <summary>An ID card number: normalised, then stored only hashed and masked.</summary>
    IdNumber,
    /// <summary>A phone number: normalised, then stored only hashed and masked.</summary>
    Phone,
    /// <summary>Parsed by the feed's own loader (sql/ingest/&lt;feed&gt;.sql writes its whole typed step).</summary>
    Custom,
}

/// <summary>Which range a date column must fall in (core_date_bounds): none, both ends, or only not too late.</summary>
public enum DateBounds { None, Both, UpperOnly }

/// <summary>One column of a feed as the contract defines it. <paramref name="FreeText"/>: text as people write it
/// (names, content, comments, notes, findings), in which ID, phone and bank card numbers are masked on load
/// (<see cref="Privacy.FreeTextMask"/>, applied by <see cref="RawRows"/>): a new feed only marks its columns.</summary>
public sealed record FeedColumn(string Name, string ChineseHeader, bool Required, bool FreeText = false)
{
    public ColumnType Type { get; init; } = ColumnType.Code;

    /// <summary>The enumeration (seed_enum_values.domain) of an Enum column.</summary>
    public string? Domain { get; init; }

    /// <summary>The reference feed whose key this column must name (a row naming an unknown one waits for it:
    /// reject kind missing_reference, and the advice names this feed).</summary>
    public Feed? References { get; init; }

    public DateBounds Bounds { get; init; } = DateBounds.None;

    /// <summary>The least whole number an Int column accepts.</summary>
    public int Least { get; init; }

    /// <summary>SQL a blank cell reads as, over the raw row r: a literal, or another column's parse (the check then
    /// applies to what was sent only).</summary>
    public string? Default { get; init; }

    /// <summary>The name of the parsed value in the typed step, when it differs from the contract's (due_at → due_at_given).</summary>
    public string? Field { get; init; }

    public string TypedName => Field ?? Name;

    /// <summary>A record's id or a reference to one (complaint_id, case_id, staff_id): never a phone or ID number.
    /// applicant_id is the applicant's ID number itself, hashed on load.</summary>
    public bool IsRecordId => Name.EndsWith("_id", StringComparison.Ordinal) && Type != ColumnType.IdNumber;

    /// <summary>A code, id or number to be kept as text (leading zeros matter): what XLSX numeric cells can spoil.</summary>
    public bool IsCode => Type is ColumnType.Code or ColumnType.IdNumber or ColumnType.Phone
                          || Name.EndsWith("_code", StringComparison.Ordinal) || Name.EndsWith("_id", StringComparison.Ordinal);

    /// <summary>Personal data: stored only as a keyed hash and a mask.</summary>
    public bool IsPersonal => Type is ColumnType.IdNumber or ColumnType.Phone;
}

/// <summary>A feed of the input contract (shared/contracts/feeds.md): its names, columns, core table and load order —
/// the one feed spec. The typed step, the standard checks and the duplicate step are generated from it
/// (<see cref="LoaderSql"/>); sql/ingest/&lt;feed&gt;.sql holds only the feed's own rules and its upsert.</summary>
/// <param name="Table">The core table that holds the feed's records (status counts it, references join it); null for a
/// feed that only updates records kept elsewhere (整改反馈 moves the 整改台账).</param>
public sealed record Feed(string Name, string ChineseName, bool IsReference, string? Table, IReadOnlyList<FeedColumn> Columns)
{
    /// <summary>Load order: reference feeds first, in dependency order, then facts.</summary>
    public int Order => All.ToList().IndexOf(this);

    public string LoaderSql => $"ingest/{Name}.sql";

    /// <summary>The record key: the first column (a feed with a composite key checks duplicates in its own loader).</summary>
    public FeedColumn Key => Columns[0];

    private static FeedColumn C(string name, string zh, bool required = false) => new(name, zh, required);

    private static FeedColumn Text(string name, string zh, bool required = false) => new(name, zh, required, FreeText: true) { Type = ColumnType.Text };

    private static FeedColumn Note(string name, string zh) => new(name, zh, false, FreeText: true) { Type = ColumnType.Note };

    private static FeedColumn Ref(string name, string zh, Feed feed, bool required = false) => new(name, zh, required) { References = feed };

    private static FeedColumn Enum(string name, string zh, string domain, bool required = false) =>
        new(name, zh, required) { Type = ColumnType.Enum, Domain = domain };

    private static FeedColumn Date(string name, string zh, bool required = false, DateBounds bounds = DateBounds.None) =>
        new(name, zh, required) { Type = ColumnType.Date, Bounds = bounds };

    private static FeedColumn Time(string name, string zh, bool required = false, DateBounds bounds = DateBounds.Both) =>
        new(name, zh, required) { Type = ColumnType.Timestamp, Bounds = bounds };

    private static FeedColumn Int(string name, string zh, bool required = false) => new(name, zh, required) { Type = ColumnType.Int };

    private static FeedColumn Custom(string name, string zh, bool required = false, bool freeText = false) =>
        new(name, zh, required, freeText) { Type = ColumnType.Custom };

    public static readonly Feed Centers = new("centers", "中心", true, "dim_center", [
        C("center_code", "中心编码", true), Text("center_name", "中心名称", true), C("county_code", "县区编码", true),
        Enum("kind", "类型", "center_kind", true), Int("population", "户籍人口"), Text("head_name", "乡镇长"), Date("opened_on", "启用日期")]);

    public static readonly Feed Windows = new("windows", "窗口", true, "dim_window", [
        C("window_code", "窗口编码", true), Ref("center_code", "中心编码", Centers, true), Text("window_name", "窗口名称", true),
        Text("category", "窗口类别") with { FreeText = false }, Date("opened_on", "启用日期"), Date("closed_on", "撤销日期")]);

    public static readonly Feed Staff = new("staff", "人员", true, "dim_staff", [
        C("staff_id", "工号", true), Text("staff_name", "姓名", true), Ref("center_code", "中心编码", Centers, true),
        Ref("window_code", "窗口编码", Windows), Enum("post", "岗位", "post"), Enum("employment", "用工性质", "employment"),
        Date("active_from", "到岗日期"), Date("active_to", "离岗日期")]);

    public static readonly Feed Items = new("items", "事项", true, "dim_item", [
        C("item_code", "事项编码", true), Text("item_name", "事项名称", true), Enum("item_kind", "事项类型", "item_kind"),
        Int("legal_days", "法定时限"), Int("promised_days", "承诺时限", true)]);

    public static readonly Feed Calendar = new("calendar", "日历", true, "ref_calendar_override", [
        Date("date", "日期", true), Enum("day_type", "类型", "day_type", true), Text("name", "名称")]);

    /// <summary>Optional: a center's own opening hours (作息时间) by weekday and/or date range; without it the settings'
    /// default hours apply (core_center_day_hours). Its key is composite, so its loader writes its own typed step.</summary>
    public static readonly Feed CenterHours = new("center_hours", "作息时间", true, "ref_center_hours", [
        Custom("center_code", "中心编码", true) with { References = Centers }, Custom("weekday", "星期"), Custom("date_from", "开始日期"), Custom("date_to", "结束日期"),
        Custom("open_time", "上班时间", true), Custom("close_time", "下班时间", true)]);

    public static readonly Feed Cases = new("cases", "办件", false, "fct_case", [
        C("case_id", "办件编号", true), Ref("center_code", "中心编码", Centers, true), Ref("window_code", "窗口编码", Windows, true),
        C("staff_id", "受理人工号"), Ref("item_code", "事项编码", Items, true), Enum("case_type", "办件类型", "case_type", true),
        Enum("channel", "受理渠道", "channel"), Time("accepted_at", "受理时间", true),
        Time("due_at", "承诺办结时间", bounds: DateBounds.UpperOnly) with { Field = "due_at_given" },
        Int("paused_days", "暂停计时天数"), Time("completed_at", "办结时间", bounds: DateBounds.UpperOnly),
        Enum("status", "办件状态", "case_status", true),
        new("applicant_id", "申请人证件号码", false) { Type = ColumnType.IdNumber },
        new("applicant_phone", "联系电话", false) { Type = ColumnType.Phone },
        Time("recorded_at", "录入时间") with { Default = "parse_ts(r.accepted_at)" },
        Time("updated_at", "更新时间")]);

    public static readonly Feed Complaints = new("complaints", "投诉", false, "fct_complaint", [
        C("complaint_id", "投诉编号", true), Time("received_at", "受理时间", true), Enum("source", "来源", "complaint_source", true),
        Ref("center_code", "中心编码", Centers, true), Ref("window_code", "窗口编码", Windows), C("staff_id", "被投诉人工号"),
        C("case_id", "关联办件编号"), Enum("category", "类别", "complaint_category", true), Note("content", "内容"),
        Enum("verdict", "核查结果", "verdict") with { Default = "'核查中'" },
        Time("responded_at", "答复时间"), Time("closed_at", "办结时间"),
        new("complainant_phone", "投诉人电话", false) { Type = ColumnType.Phone }, Time("updated_at", "更新时间")]);

    public static readonly Feed Callbacks = new("callbacks", "回访", false, "fct_callback", [
        C("callback_id", "回访编号", true), C("case_id", "办件编号", true), Enum("method", "方式", "callback_method", true),
        Time("called_at", "回访时间", true), new("reached", "是否接通", true) { Type = ColumnType.YesNo, Domain = "yes_no" },
        Enum("rating", "评价", "rating"), Note("comment", "意见"), Time("rectified_at", "整改完成时间"),
        new("phone", "回访号码", false) { Type = ColumnType.Phone }]);

    public static readonly Feed VideoChecks = new("video_checks", "视频抽查", false, "fct_video_check", [
        C("check_id", "抽查编号", true), Time("checked_at", "抽查时间", true), Ref("center_code", "中心编码", Centers, true),
        Ref("window_code", "窗口编码", Windows), Text("checker", "抽查人"), Enum("finding", "结果", "finding", true),
        Int("staff_on_duty", "在岗人数"), Int("people_waiting", "等候人数"), Note("note", "备注")]);

    public static readonly Feed Visits = new("visits", "暗访", false, "fct_visit", [
        C("visit_id", "检查编号", true), Time("visited_at", "检查时间", true), Ref("center_code", "中心编码", Centers, true),
        Ref("window_code", "窗口编码", Windows), Enum("visit_type", "方式", "visit_type", true), Text("team", "检查组"),
        Int("problems_found", "发现问题数", true), Enum("severity", "严重程度", "severity"), Note("findings", "问题描述")]);

    /// <summary>kind: the county's own list (seed_assessment_event_kinds, domain assessment_event_kind of stg_enum_values).</summary>
    public static readonly Feed AssessmentEvents = new("assessment_events", "考核记录", false, "fct_assessment_event", [
        C("event_id", "记录编号", true), Date("occurred_on", "发生日期", true, DateBounds.Both), Ref("center_code", "中心编码", Centers, true),
        Ref("window_code", "窗口编码", Windows), Ref("staff_id", "工号", Staff), Enum("kind", "类别", "assessment_event_kind", true),
        Int("quantity", "次数") with { Least = 1, Default = "1" }, Text("recorder", "记录人"), Note("note", "说明")]);

    /// <summary>整改反馈: the 整改台账 workbook a township sends back (Rectification.RectificationWorkbook writes it);
    /// its checks read the ledger, so its loader writes its own typed step.</summary>
    public static readonly Feed RectificationUpdates = new("rectification_updates", "整改反馈", false, null, [
        Custom("item_no", "编号", true), Custom("responsible", "责任人", freeText: true), Custom("measures", "整改措施", freeText: true),
        Custom("evidence", "佐证", freeText: true), Custom("completed_on", "完成日期"), Custom("status", "状态", true),
        Custom("sender", "填报人", freeText: true)]);

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
