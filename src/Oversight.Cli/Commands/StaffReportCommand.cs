using System.CommandLine;

namespace Oversight.Cli.Commands;

/// <summary>oversight report staff: the window-staff assessment (窗口工作人员考核), for a quarter or a year.</summary>
public static class StaffReportCommand
{
    public static Command Create() =>
        AnnualReportCommand.Assessment("staff", description: "生成窗口工作人员考核（季度或年度，含逐条计分附录、公示与复核）",
            Path.Combine("annual", "staff-rules.json"), "staff");
}
