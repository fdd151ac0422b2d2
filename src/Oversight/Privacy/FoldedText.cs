using System.Globalization;
using System.Text;

namespace Oversight.Privacy;

/// <summary>
/// The one normaliser every personal-number check reads through (<see cref="FreeTextMask"/>): full-width forms become
/// ASCII (digits, letters, ＠, ＋, brackets, Ｘ), every space (NBSP, tab, ideographic, zero-width) a space, every Unicode
/// dash a '-', and a run of spaces, dashes, dots or slashes between two digits a single '-': "139 8765 4321",
/// "139—8765—4321", "139.8765.4321" and "１３９／８７６５／４３２１" all read "139-8765-4321". Each folded character
/// remembers the span of the original it came from, so a match is replaced in the text as written.
/// </summary>
public sealed class FoldedText
{
    /// <summary>A longer run between digits (" -- ", many spaces) separates two numbers rather than groups of one.</summary>
    private const int MaxSeparatorRun = 3;

    public string Text { get; }
    private readonly int[] _start;
    private readonly int[] _end;

    private FoldedText(string text, int[] start, int[] end) => (Text, _start, _end) = (text, start, end);

    /// <summary>The original text's [start, end) for <paramref name="length"/> folded characters at <paramref name="index"/>.</summary>
    public (int Start, int End) Original(int index, int length) => (_start[index], _end[index + length - 1]);

    public static FoldedText Of(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++) chars[i] = Fold(text[i]);

        var sb = new StringBuilder(text.Length);
        var start = new List<int>(text.Length);
        var end = new List<int>(text.Length);
        for (var i = 0; i < chars.Length;)
        {
            if (IsSeparator(chars[i]) && sb.Length > 0 && char.IsAsciiDigit(sb[^1]))
            {
                var j = i;
                while (j < chars.Length && IsSeparator(chars[j])) j++;
                if (j - i <= MaxSeparatorRun && j < chars.Length && char.IsAsciiDigit(chars[j]))
                {
                    sb.Append('-');
                    start.Add(i);
                    end.Add(j);
                    i = j;
                    continue;
                }
            }
            sb.Append(chars[i]);
            start.Add(i);
            end.Add(i + 1);
            i++;
        }
        return new FoldedText(sb.ToString(), [.. start], [.. end]);
    }

    /// <summary>One character as the matchers see it.</summary>
    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => Fold((char)(c - 0xFEE0)), // full-width ASCII: digits, letters, ＠ ＋ （ ） － ． ／
        '\u200B' or '\u2060' or '\uFEFF' => ' ', // zero-width spaces: invisible, typed by copy and paste
        '\u2212' or '\u2043' or '\uFE63' => '-', // minus signs, hyphen bullet, small hyphen-minus
        '\u00B7' or '\u2027' or '\u2022' or '\u30FB' or '\uFF65' or '\u2024' => '.', // middle dots
        '\u2215' or '\u2044' => '/', // division and fraction slashes
        _ when char.IsWhiteSpace(c) => ' ', // NBSP, tab, ideographic space, narrow and figure spaces
        _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation => '-', // en, em, ⸺, 〜 …
        _ => c,
    };

    private static bool IsSeparator(char folded) => folded is ' ' or '-' or '.' or '/';
}
