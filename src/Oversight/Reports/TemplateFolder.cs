using System.Runtime.InteropServices;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Oversight.Reports;

/// <summary>The folder of Scriban templates a county may edit: the built-in report-templates/ beside the
/// binaries, or one given with --templates, under the county folder's report-templates/ (see
/// <see cref="Configuration.CountyFolder"/>): a file there replaces the shipped file of the same name, any other comes from
/// the shipped folder. Mistakes are reported with the file and line.
/// Templates are edited by staff who must not read the warehouse key or the server's files, so every template read
/// (the main one and each include) is resolved to its real path, links included, and must be a regular file with
/// one name inside one of the folders' own real paths: a link or hard link placed in a folder cannot pull a file in.</summary>
public sealed class TemplateFolder
{
    /// <summary>Generous, but bounded: a province ranking of 3,000 centers × a few loops fits many times.</summary>
    public const int LoopLimit = 1_000_000;

    /// <summary>The shipped (or --templates) folder: every file the county folder lacks comes from here.</summary>
    public string Root { get; }

    /// <summary>The county's own templates folder, searched first; null when the county has none.</summary>
    public string? CountyRoot { get; }

    public TemplateFolder(string? root = null, string? countyRoot = null)
    {
        var given = Path.GetFullPath(root ?? Path.Combine(AppContext.BaseDirectory, "report-templates"));
        if (!Directory.Exists(given)) throw new ReportException(Messages.TemplateFolderMissing(given));
        Root = RealPath(given) ?? given;
        if (countyRoot is not null && Directory.Exists(countyRoot))
            CountyRoot = RealPath(Path.GetFullPath(countyRoot)) ?? Path.GetFullPath(countyRoot);
    }

    private IEnumerable<string> Roots => CountyRoot is null ? [Root] : [CountyRoot, Root];

    /// <summary>The path of a file in the folder (settings.json, rules.json, a template): the county's copy when it has
    /// one, else the shipped one. One that exists but is a link out of its folder, a hard link or not a regular file is
    /// refused here, before anyone reads it.</summary>
    public string PathOf(string relative)
    {
        foreach (var root in Roots)
        {
            var path = Path.Combine(root, relative);
            if (!Path.Exists(path)) continue;
            if (Check(path) is { } refused) throw new ReportException(Messages.TemplateFileRefused(relative, refused));
            return path;
        }
        return Path.Combine(Root, relative);
    }

    /// <summary>Where <paramref name="relative"/> was read from: 本县 (the county folder) or 程序自带.</summary>
    public bool IsCountyCopy(string relative) =>
        CountyRoot is not null && PathOf(relative).StartsWith(CountyRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Renders <paramref name="relative"/> (e.g. monthly/briefing.html.sbn) with the model's strings
    /// escaped by <paramref name="escape"/>.</summary>
    public string Render(string relative, object model, Func<string, string> escape)
    {
        var path = PathOf(relative);
        if (!File.Exists(path)) throw new ReportException(Messages.TemplateFileMissing(path));
        return RenderSource(File.ReadAllText(RealPath(path)!), path, model, escape);
    }

    /// <summary>Renders a few lines of template text given here (e.g. one sentence of a partial, for the 整改 ledger),
    /// with the same includes, limits and escaping as a template file.</summary>
    public string RenderText(string source, object model, Func<string, string> escape) =>
        RenderSource(source, Path.Combine(Root, Messages.TemplateInProgram), model, escape);

    private string RenderSource(string source, string path, object model, Func<string, string> escape)
    {
        var template = Template.Parse(source, path);
        if (template.HasErrors) throw TemplateError(template.Messages.First());

        var context = new TemplateContext
        {
            TemplateLoader = new Loader(this),
            LoopLimit = LoopLimit,
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
        };
        ScriptModel.ApplyLimits(context);
        context.PushGlobal(ScriptModel.From(model, escape));
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex) when (ScriptModel.LimitMessage(ex) is { } limit)
        {
            throw new ReportException(Messages.TemplateOverLimit(Describe(ex.Span), limit), ex);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            throw new ReportException(Messages.TemplateRuntimeError(Describe(ex.Span), ex.OriginalMessage), ex);
        }
    }

    private ReportException TemplateError(LogMessage message) =>
        new(Messages.TemplateSyntaxError(Describe(message.Span), message.Message));

    private string Describe(SourceSpan span) =>
        Messages.TemplatePlace(Relative(span.FileName ?? "?"), span.Start.Line + 1, span.Start.Column + 1);

    /// <summary>A path as the user knows it: relative to the folder it lies in (the county's copy named as such).</summary>
    private string Relative(string path) =>
        CountyRoot is not null && Path.GetFullPath(path).StartsWith(CountyRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Messages.InCountyFolder(Path.GetRelativePath(CountyRoot, path))
            : Path.GetRelativePath(Root, path);

    /// <summary>Why the template file at <paramref name="path"/> may not be read, or null when it may: its real path
    /// (every link resolved) must lie inside the real path of the folder it was named in and be a regular file with a
    /// single link.</summary>
    public string? Check(string path)
    {
        var real = RealPath(path);
        if (real is null) return Messages.TemplateRefusedMissing(Relative(path));
        var full = Path.GetFullPath(path);
        var home = Roots.FirstOrDefault(r => full.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal)) ?? Root;
        if (!real.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return Messages.TemplateRefusedOutside;
        var (type, links) = Stat(real);
        if (type != RegularFile) return Messages.TemplateRefusedNotRegular;
        if (links > 1) return Messages.TemplateRefusedHardLink;
        return null;
    }

    /// <summary>include 'shared/x' reads from the county's folder, else the shipped one, never outside them, never
    /// through a link.</summary>
    private sealed class Loader(TemplateFolder folder) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            var inside = folder.Roots.Select(root => (Root: root, Full: Path.GetFullPath(Path.Combine(root, templateName)))).ToList();
            if (inside.Any(x => !x.Full.StartsWith(x.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, Messages.TemplateIncludeOutside(templateName));
            var full = inside.FirstOrDefault(x => Path.Exists(x.Full)).Full ?? inside[^1].Full;
            if (folder.Check(full) is { } refused)
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, Messages.TemplateIncludeRefused(templateName, refused));
            return full;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
        {
            // Checked again as it is read: the name may have been swapped for a link since GetPath.
            if (folder.Check(templatePath) is { } refused)
                throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, Messages.TemplateIncludeRefused(folder.Relative(templatePath), refused));
            return File.ReadAllText(RealPath(templatePath)!);
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new((string?)Load(context, callerSpan, templatePath));
    }

    private const int RegularFile = 0x8000, TypeMask = 0xF000;

    /// <summary>realpath(3): the absolute path with every link and ".." resolved; null when it does not exist.</summary>
    internal static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : null;
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { Marshal.FreeHGlobal(resolved); }
    }

    /// <summary>File type and hard link count, not following a link (the path is already real). struct statx has
    /// the same layout on every Linux architecture: stx_nlink at byte 16, stx_mode at 28.</summary>
    private static (int Type, uint Links) Stat(string path)
    {
        if (!OperatingSystem.IsLinux()) return (File.Exists(path) ? RegularFile : 0, 1);
        var buffer = new byte[256];
        const int atFdCwd = -100, atSymlinkNoFollow = 0x100, statxType = 0x1, statxNlink = 0x4;
        if (statx(atFdCwd, path, atSymlinkNoFollow, statxType | statxNlink, buffer) != 0) return (0, 0);
        return (BitConverter.ToUInt16(buffer, 28) & TypeMask, BitConverter.ToUInt32(buffer, 16));
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for calls made once per template
    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
