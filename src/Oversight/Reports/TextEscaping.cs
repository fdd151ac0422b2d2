using System.Net;
using System.Text;

namespace Oversight.Reports;

/// <summary>How text from citizens and staff is made inert in each output format.</summary>
public static class TextEscaping
{
    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The Word templates' markup (XML): markup characters become entities and characters XML cannot
    /// hold (control characters pasted from other systems) are dropped, so any citizen text parses.</summary>
    public static string Xml(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '\r': break;
                case '\n' or '\t': sb.Append(ch); break;
                default:
                    if (!char.IsControl(ch) && ch != '\uFFFE' && ch != '\uFFFF') sb.Append(ch);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Markdown: characters that would start markup are backslash-escaped, angle brackets become
    /// entities (Markdown viewers render raw HTML), line breaks become spaces so a table row stays one row.</summary>
    public static string Markdown(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                case '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '#' or '{' or '}': sb.Append('\\').Append(ch); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }
}
