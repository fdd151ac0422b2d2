namespace Oversight;

// Writing reports: templates, settings, files, PDF, 文号 and the clock (Oversight.Reports, not the documents' own wording).
public static partial class Messages
{
    // The templates folder (TemplateFolder).
    public static string TemplateFolderMissing(string path) => $"找不到模板文件夹：{path}";

    public static string TemplateFileMissing(string path) => $"找不到模板文件：{path}";

    /// <param name="why">The TemplateRefused… entry that says why.</param>
    public static string TemplateFileRefused(string relative, string why) => $"模板文件夹中的 {relative} 被拒绝：{why}";

    /// <summary>Stands for the file name of template text given by the program, in a mistake's place.</summary>
    public const string TemplateInProgram = "（程序内）";

    public static string TemplatePlace(string file, int line, int column) => $"{file} 第 {line} 行第 {column} 列";

    /// <param name="place">Where (<see cref="TemplatePlace"/>).</param>
    public static string TemplateSyntaxError(string place, string why) => $"模板 {place} 有错误：{why}";

    public static string TemplateRuntimeError(string place, string why) => $"模板 {place} 出错：{why}";

    /// <param name="limit">The limit reached (<see cref="ReportTooLong"/>).</param>
    public static string TemplateOverLimit(string place, string limit) => $"模板 {place}：{limit}";

    public static string ReportTooLong(int characters) =>
        $"报告超过 {characters:N0} 个字符的上限，未写出（程序不会截断报告）。请缩短模板中列出的清单，完整清单见附件明细表。";

    public static string TemplateRefusedMissing(string relative) => $"找不到该文件：{relative}";

    public const string TemplateRefusedOutside = "它（经链接解析后）位于模板文件夹之外；模板只能引用模板文件夹内的普通文件，不能通过链接读取其他文件。";
    public const string TemplateRefusedNotRegular = "它不是普通文件（可能是文件夹、管道或设备），模板只能引用普通文件。";
    public const string TemplateRefusedHardLink = "它是一个硬链接（同一文件还有其他名字），可能指向模板文件夹之外的文件，不予读取；请复制文件内容而不是建立链接。";

    public static string TemplateIncludeOutside(string name) => $"只能引用模板文件夹内的文件：{name}";

    public static string TemplateIncludeRefused(string name, string why) => $"拒绝引用“{name}”：{why}";

    // Report settings (settings.json of the templates folder).
    public static string ReportSettingsMistake(string path, long line, string why) => $"报告设置文件 {path} 第 {line} 行有错误：{why}";

    public static string ShippedSettingMissing(string path, string setting) => $"程序自带的报告设置文件 {path} 缺少 {setting}，请重新安装程序。";

    /// <summary>What {follow_up} in a 下步工作要求 paragraph becomes: the next briefing reports on the problems named.</summary>
    public const string RequirementsFollowUp = "，整改情况纳入下月通报";

    /// <summary>Printed for the county's name when no center names its county.</summary>
    public const string CountyCodeUnknown = "（县区编码未知）";

    /// <summary>Printed for the county's name when neither the settings nor the division table know the code.</summary>
    public static string CountyCodeOnly(string code) => $"（县区编码 {code}）";

    // Writing the files (ReportWriter, AtomicFile, ChromiumPdf).
    public const string PdfNotRequested = "未要求生成 PDF";

    public const string ChromiumMissing =
        "未找到 Chromium 浏览器，未生成 PDF（HTML 版可直接用浏览器打开并打印）。安装方法（Debian/Ubuntu）：apt-get install chromium fonts-noto-cjk";

    public static string BrowserNotStarted(string browser) => $"无法启动浏览器 {browser}";

    public static string BrowserTimedOut(string browser, int seconds) => $"浏览器 {browser} 在 {seconds} 秒内没有完成，已停止。";

    public static string BrowserFailed(string browser, int exitCode, string stderr) => $"浏览器 {browser} 出错（退出码 {exitCode}）：{stderr}";

    public static string CannotCreateFileIn(string folder, int errno) => $"无法在 {folder} 中建立文件（错误码 {errno}）";

    /// <param name="problem">What is wrong with it (the RestrictedFolder… entries).</param>
    public static string RestrictedFolderRefused(string folder, string problem) =>
        $"受限目录 {folder} {problem}，不能存放暗访工作提示等机密文件，也不会修改它的权限。" +
        "请用 --out 指定一个新的文件夹（程序会建立仅本人可访问的文件夹），或本人专用的文件夹。";

    public const string RestrictedFolderNotAFolder = "不是文件夹";
    public const string RestrictedFolderOtherOwner = "属于其他用户";

    /// <param name="mode">The folder's permissions in octal, e.g. 1777.</param>
    public static string RestrictedFolderShared(string mode) => $"是共享文件夹（权限 {mode}，其他用户可以在其中建立文件）";

    public static string RestrictedFolderHoldsOthers(string file) => $"中有其他用户的文件（{file}）";

    /// <summary>The legend's caption on a heat-map chart.</summary>
    public const string ChartLegend = "图例";

    // Issuing: 文号 and the clock.
    public static string DocumentNumberTaken(string number, int year, int month) =>
        $"文号“{number}”已用于 {year} 年 {month} 月的月度通报，不能重复使用。请换一个文号，或不给 --doc-number 由程序按顺序编号。";

    /// <param name="what">What is newer than the clock (the ClockBehind… entries).</param>
    public static string ClockBehind(DateTime now, string what, DateTime at) =>
        $"服务器时钟（{now:yyyy-MM-dd HH:mm}）早于{what}的时间（{at:yyyy-MM-dd HH:mm}），时钟可能被重置过";

    public const string ClockBehindLatestRecord = "已导入的最新记录";
    public const string ClockBehindLastLoad = "上一次导入";
    public const string ClockBehindLastJob = "夜间服务上一次运行";
    public const string ClockBehindLastIssue = "上一次印发";

    /// <param name="problem">The clock's problem (<see cref="ClockBehind"/>).</param>
    public static string ClockRefusesIssue(string problem) =>
        $"{problem}。为免文号和成文日期出错，未印发。请先校准服务器时间；确认当前时间无误的，加 --confirm-clock 再印发。";

    // Word files laid out from a template's markup (Oversight.Reports.Docx).
    public static string WordTemplateNotADocument(string template, string root) =>
        $"模板 {template} 生成的 Word 文档应以 <document> 开头，实际是 <{root}>。";

    public static string WordTemplateMalformed(string template, int line, int column, string near, string why) =>
        $"模板 {template} 生成的 Word 文档结构有错误（生成结果第 {line} 行第 {column} 列，附近内容：{near}）：{why}";

    public static string WordTemplateUnknownElement(string element, int line) => $"Word 模板中有不认识的元素 <{element}>（第 {line} 行）。";
}
