namespace Oversight.Reports;

/// <summary>The parts of the monthly 通报 a county sets. In texts, <c>{county}</c> is the county's name; in the
/// 文号, <c>{short}</c> its short name, <c>{year}</c> the year of issue and <c>{seq}</c> the year's sequence number.
/// Requirements may name <c>{month}</c>, <c>{red_list}</c>, <c>{black_list}</c>, <c>{overdue_centers}</c>,
/// <c>{long_open_centers}</c>, <c>{complaint_centers}</c>, <c>{video_centers}</c>, <c>{satisfaction_centers}</c> (the
/// centers the 存在的问题 section names for each); a paragraph naming an empty
/// list is left out. <c>{follow_up}</c> becomes <see cref="FollowUp"/> only where the program follows the month up in
/// the next briefing (it does: the 整改 items this briefing's problems become are reported in the next one).</summary>
public sealed record MonthlyFormSettings(
    IReadOnlyList<string> IssuingBodies,
    string? CountyShortName,
    string DocumentNumber,
    string MainTo,
    string CopyTo,
    string? PrintedBy,
    IReadOnlyList<string> Requirements)
{
    public string FollowUp { get; init; } = "，整改情况纳入下月通报";

    public static readonly MonthlyFormSettings Default = new(
        ["{county}纪委监委驻县政务服务管理局纪检监察组", "{county}政务服务管理局"],
        null,
        "{short}政务监〔{year}〕{seq}号",
        "各乡镇人民政府、街道办事处",
        "县委办、县政府办、县纪委监委",
        null,
        [
            "{black_list}要对照本通报逐项分析综合得分靠后的原因，制定整改措施，于下月10日前将整改情况书面报县政务服务管理局。",
            "{overdue_centers}要逐件清理超期办件，确需延长办理时限的依法办理延期手续，杜绝“体外循环”和超期不办。",
            "{long_open_centers}要对长期未办结的办件逐件核实：已办结未登记的，及时补登办结信息；确未办结的，说明原因并限期办结。",
            "{complaint_centers}要对属实投诉逐件整改、逐件回复投诉人，举一反三查找管理漏洞，涉及作风问题的移送纪检监察机关处理。",
            "{video_centers}要严格执行窗口工作纪律，落实AB岗和请销假制度，杜绝离岗、空岗、玩手机等现象。",
            "{satisfaction_centers}要对差评逐条回访核实、限期整改{follow_up}。",
            "各乡镇人民政府、街道办事处要落实首问负责、一次性告知、限时办结制度，确保办件当日录入、如实登记、按期办结。",
        ]);
}
