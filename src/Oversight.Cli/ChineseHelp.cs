using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Oversight.Cli;

/// <summary>
/// Help in Chinese. System.CommandLine's zh-Hans resources leave the help titles, the help option and default
/// labels in English, and its help builder is not public, so the help is written here from the command tree.
/// </summary>
public sealed class ChineseHelp : SynchronousCommandLineAction
{
    public const string ProgramName = "oversight";

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult.Command, Console.Out);
        return 0;
    }

    /// <summary>Replaces the help option's action and text on <paramref name="root"/>, for every subcommand.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Description = Messages.HelpOption;
                help.Action = new ChineseHelp();
            }
            else if (option is VersionOption version)
                version.Description = Messages.VersionOption;
        }
    }

    public static void Write(Command command, TextWriter output)
    {
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            output.WriteLine(Messages.HelpDescription);
            output.WriteLine($"  {command.Description}");
            output.WriteLine();
        }

        var options = VisibleOptions(command).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        var usage = string.Join(' ', new[] { Path(command) }
            .Concat(command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>"))
            .Concat(subcommands.Count > 0 ? [Messages.HelpCommandPlaceholder] : [])
            .Concat(options.Count > 0 ? [Messages.HelpOptionsPlaceholder] : []));
        output.WriteLine(Messages.HelpUsage);
        output.WriteLine($"  {usage}");

        Section(output, Messages.HelpArguments, command.Arguments.Where(a => !a.Hidden)
            .Select(a => ($"<{a.Name}>", a.Description ?? "")));
        Section(output, Messages.HelpOptions, options.Select(o => (Label(o), Text(o))));
        Section(output, Messages.HelpCommands, subcommands.Select(c =>
            (string.Join(' ', new[] { c.Name }.Concat(c.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>"))), c.Description ?? "")));
        if (subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(Messages.HelpEachCommand(Path(command)));
        }
    }

    /// <summary>How the user types the command: <c>oversight report monthly</c>.</summary>
    internal static string Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            names.Insert(0, c is RootCommand ? ProgramName : c.Name);
        return string.Join(' ', names);
    }

    /// <summary>The command's own options, then recursive ones from its ancestors (help and version last).</summary>
    private static IEnumerable<Option> VisibleOptions(Command command)
    {
        var seen = new HashSet<Option>();
        var own = command.Options.Where(o => !o.Hidden);
        var inherited = new List<Option>();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null;
             parent = parent.Parents.OfType<Command>().FirstOrDefault())
            inherited.AddRange(parent.Options.Where(o => o.Recursive && !o.Hidden));
        return own.Concat(inherited)
            .Where(seen.Add)
            .OrderBy(o => o is HelpOption or VersionOption ? 1 : 0);
    }

    private static string Label(Option option)
    {
        var names = option.Aliases.Where(a => a.StartsWith('-')).OrderBy(a => a.Length).Append(option.Name).Distinct();
        var label = string.Join(", ", names);
        return IsFlag(option) ? label : $"{label} <{option.HelpName ?? option.Name.TrimStart('-')}>";
    }

    private static string Text(Option option)
    {
        var text = option.Description ?? "";
        if (option.Required) text += Messages.HelpRequired;
        else if (option.HasDefaultValue && !IsFlag(option)
                 && option.GetDefaultValue() is { } value && value.ToString() is { Length: > 0 } shown)
            text += Messages.HelpDefault(shown);
        return text;
    }

    private static bool IsFlag(Option option) => option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool);

    private static void Section(TextWriter output, string title, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return;
        output.WriteLine();
        output.WriteLine(title);
        var width = list.Max(r => r.Left.Length) + 2;
        foreach (var (left, right) in list)
            output.WriteLine($"  {left.PadRight(width)}{right}");
    }
}
