using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Oversight.Reports;

/// <summary>The folder of Scriban templates a county may edit: the built-in report-templates/ beside the
/// binaries, or one given with --templates. Mistakes are reported with the file and line.</summary>
public sealed class TemplateFolder
{
    /// <summary>Generous, but bounded: a province ranking of 3,000 centers × a few loops fits many times.</summary>
    public const int LoopLimit = 1_000_000;

    public string Root { get; }

    public TemplateFolder(string? root = null)
    {
        Root = Path.GetFullPath(root ?? Path.Combine(AppContext.BaseDirectory, "report-templates"));
        if (!Directory.Exists(Root)) throw new ReportException($"找不到模板文件夹：{Root}");
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Renders <paramref name="relative"/> (e.g. monthly/briefing.html.sbn) with the model's strings
    /// escaped by <paramref name="escape"/>.</summary>
    public string Render(string relative, object model, Func<string, string> escape)
    {
        var path = PathOf(relative);
        if (!File.Exists(path)) throw new ReportException($"找不到模板文件：{path}");
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors) throw TemplateError(template.Messages.First());

        var context = new TemplateContext
        {
            TemplateLoader = new Loader(Root),
            LoopLimit = LoopLimit,
            LimitToString = 0, // Scriban cuts output at 1 MB with "..." by default; a report is written whole or not at all
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
        };
        context.PushGlobal(ScriptModel.From(model, escape));
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            throw new ReportException($"模板 {Describe(ex.Span)} 出错：{ex.OriginalMessage}", ex);
        }
    }

    private ReportException TemplateError(LogMessage message) =>
        new($"模板 {Describe(message.Span)} 有错误：{message.Message}");

    private string Describe(SourceSpan span) =>
        $"{Path.GetRelativePath(Root, span.FileName ?? "?")} 第 {span.Start.Line + 1} 行第 {span.Start.Column + 1} 列";

    /// <summary>include 'shared/x' reads from the same folder, never outside it.</summary>
    private sealed class Loader(string root) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            var full = Path.GetFullPath(Path.Combine(root, templateName));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"只能引用模板文件夹内的文件：{templateName}");
            return full;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
        {
            if (!File.Exists(templatePath))
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"找不到被引用的模板：{templatePath}");
            return File.ReadAllText(templatePath);
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new((string?)Load(context, callerSpan, templatePath));
    }
}
