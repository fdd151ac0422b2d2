using System.Collections;
using System.Reflection;
using System.Text;
using Scriban;
using Scriban.Runtime;

namespace Oversight.Reports;

/// <summary>Turns a view model (records, lists, strings, numbers) into Scriban globals. Every string passes
/// through the format's escaper on the way, so no citizen text reaches a template raw, whatever the
/// template does; only <see cref="Svg"/> charts pass as markup.</summary>
public static class ScriptModel
{
    /// <summary>Characters a rendered report may have: far above any county's or province's briefing (a province of
    /// 3,000 centers renders in a few MB), and below what would exhaust memory. Scriban's default (1,048,576, shared
    /// with single conversions) silently cut a province briefing with "..."; here reaching the limit is an error.</summary>
    public const int OutputLimit = 256 * 1024 * 1024;

    /// <summary>Sets the render limits deliberately: never a silent cut, a loud error instead.</summary>
    public static void ApplyLimits(TemplateContext context)
    {
        context.OutputLimit = OutputLimit;
        context.OnOutputLimit = ScriptLimitBehavior.Throw;
        context.LimitToString = OutputLimit;
        context.OnStringLimit = ScriptLimitBehavior.Throw;
    }

    /// <summary>The Chinese message for a limit reached, or null when the error is another one.</summary>
    public static string? LimitMessage(Scriban.Syntax.ScriptRuntimeException ex) =>
        ex.OriginalMessage.Contains("OutputLimit", StringComparison.Ordinal) || ex.OriginalMessage.Contains("LimitToString", StringComparison.Ordinal)
            ? Messages.ReportTooLong(OutputLimit)
            : null;

    public static ScriptObject From(object model, Func<string, string> escape)
    {
        var result = (ScriptObject)Convert(model, escape)!;
        return result;
    }

    private static object? Convert(object? value, Func<string, string> escape) => value switch
    {
        null => null,
        string s => escape(s),
        Svg svg => svg.Markup,
        bool or int or long or double or decimal => value,
        DateTime or DateOnly => escape(value.ToString()!),
        IEnumerable list => ToArray(list, escape),
        _ => ToObject(value, escape),
    };

    private static ScriptArray ToArray(IEnumerable list, Func<string, string> escape)
    {
        var array = new ScriptArray();
        foreach (var item in list) array.Add(Convert(item, escape));
        return array;
    }

    private static ScriptObject ToObject(object value, Func<string, string> escape)
    {
        var obj = new ScriptObject();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            obj[SnakeCase(property.Name)] = Convert(property.GetValue(value), escape);
        }
        return obj;
    }

    /// <summary>Same naming as Scriban's own import: OnTimeRate → on_time_rate.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsUpper(ch))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) sb.Append('_');
                sb.Append(char.ToLowerInvariant(ch));
            }
            else sb.Append(ch);
        }
        return sb.ToString();
    }
}
