using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Oversight.Privacy;

/// <summary>
/// De-identifies free text by the shape of what is in it, read through <see cref="FoldedText"/> (full-width forms,
/// every dash, space, dot and slash between digit groups folded first): ID numbers (18 characters whose first two
/// digits are a province and digits 7–14 a real birth date, whatever the check character; the old 15-digit form;
/// written whole or 6-8-4), mobiles (with +86/86/0086), landlines written with their area code, bank cards
/// (Luhn-valid, 16–19 digits, whole or in fours) and e-mail local parts, also glued to Latin letters
/// ("tel13987654321"), are replaced by their masked forms; everything else is kept as written. Masks follow the
/// contract (ID: first 6 and last 4, phone: first 3 and last 4); a landline keeps its area code and last 4 digits, a
/// card its first 6 and last 4, an e-mail address its domain and the first character of a local part of 4 or more.
/// Look-alikes stay: case ids whose digits are not a personal number (NJ2026031500012345, a year-led 18-digit
/// number), amounts, dates and times.
/// </summary>
public static partial class FreeTextMask
{
    public const string SqlFunction = "mask_pii";

    /// <summary>SQL <c>is_personal_id(VARCHAR) → BOOLEAN</c>: whether an id column's value is a phone or ID number
    /// (<see cref="IsPersonalNumber"/>).</summary>
    public const string IdSqlFunction = "is_personal_id";

    /// <summary>Text with fewer digits and no '@' holds nothing to mask and is passed through without a scan.</summary>
    public const int MinDigits = 7;

    // On folded text (ASCII, a separator between digit groups is one '-'). A number may not touch another digit: the
    // digit run is the token. A Latin letter may touch it ("tel13987654321"), so a case id stays only because its
    // digits are no personal number.
    [GeneratedRegex("""
          (?<email>(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+)@(?<domain>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})
        | (?<![0-9])
        (?:
            (?<area>\(0[1-9][0-9]{1,2}\)\x20?)(?<local>[0-9]{7,8})
          | (?<area>0[1-9][0-9]{1,2}-)(?<local>[0-9]{7,8})
          | (?<mobile>(?:(?:\+|00)?86-?)?1[3-9][0-9](?:-?[0-9]{4}){2})
          | (?<grouped_id>[0-9]{6}-[0-9]{8}-[0-9]{3}[0-9Xx])
          | [0-9]{4}(?:-[0-9]{4}){3}(?:-[0-9]{1,3})?
          | [0-9]{15,19}[Xx]?
        )
        (?![0-9])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    /// <summary>The text with every personal number in it masked; null stays null.</summary>
    public static string? Mask(string? text) => text is null || !MayHold(text) ? text : MaskAll(text);

    /// <summary>A file's name as shown to users and stored (reports, logs, load_file, load_reject): masked.</summary>
    public static string FileName(string path) => Mask(Path.GetFileName(path))!;

    /// <summary>The masked name for a file kept on disk (archive, quarantine): the mask's '*' is written as a
    /// full-width '＊', which Windows shares and shells take as a plain character.</summary>
    public static string FileNameOnDisk(string path) => FileName(path).Replace('*', '＊');

    /// <summary>Whether a value written in an id column (complaint_id, case_id, …) is, as a whole, a mobile or landline
    /// number or the ID number of someone at least <see cref="IdNumber.MinAgeAsIdentifier"/> years old. Ids with a
    /// code before the digits (TS19031500012) are a county's numbering, not a phone.</summary>
    public static bool IsPersonalNumber(string? value)
    {
        if (value is null || !MayHold(value)) return false;
        var folded = FoldedText.Of(value.Trim()).Text;
        var m = Candidate().Match(folded);
        if (!m.Success || m.Index != 0 || m.Length != folded.Length) return false;
        if (m.Groups["local"].Success || m.Groups["mobile"].Success) return true;
        var run = Digits(m.Value);
        return run.Length == 18 && IdNumber.LooksLikeOne(run, DateTime.Today.AddYears(-IdNumber.MinAgeAsIdentifier));
    }

    private static string MaskAll(string text)
    {
        var folded = FoldedText.Of(text);
        StringBuilder? sb = null;
        var last = 0;
        foreach (Match m in Candidate().Matches(folded.Text))
        {
            if (Masked(m) is not { } masked) continue;
            var (start, end) = folded.Original(m.Index, m.Length);
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, last, start - last).Append(masked);
            last = end;
        }
        return sb is null ? text : sb.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>
    /// Makes <c>mask_pii(VARCHAR) → VARCHAR</c> and <c>is_personal_id(VARCHAR) → BOOLEAN</c> available on this
    /// connection (they need no key, so every connection has them: loaders, reject reasons and the migrations that mask
    /// text stored before). Text with fewer than <see cref="MinDigits"/> digits and no '@', nearly all of it, is copied
    /// byte for byte without becoming a .NET string.
    /// </summary>
    public static void Register(DuckDBConnection connection)
    {
#pragma warning disable DuckDBNET001 // scalar functions are marked experimental in DuckDB.NET 1.5
        connection.RegisterScalarFunction<string, string>(SqlFunction, (readers, writer, rows) =>
        {
            var values = readers[0];
            var input = StringVectors.Input(values);
            var output = StringVectors.Output(writer);
            for (ulong row = 0; row < rows; row++)
            {
                if (!values.IsValid(row))
                {
                    writer.WriteNull(row);
                    continue;
                }
                var bytes = input.Get(row);
                if (!MayHold(bytes))
                {
                    output.Set(row, bytes);
                    continue;
                }
                var text = Encoding.UTF8.GetString(bytes);
                var masked = MaskAll(text);
                if (ReferenceEquals(masked, text)) output.Set(row, bytes);
                else output.Set(row, Encoding.UTF8.GetBytes(masked));
            }
        }, new ScalarFunctionOptions { IsPureFunction = true, HandlesNulls = true }, false);
        connection.RegisterScalarFunction<string, bool>(IdSqlFunction, (readers, writer, rows) =>
        {
            var values = readers[0];
            for (ulong row = 0; row < rows; row++)
                writer.WriteValue(values.IsValid(row) && IsPersonalNumber(values.GetValue<string>(row)), row);
        }, new ScalarFunctionOptions { IsPureFunction = true, HandlesNulls = true }, false);
#pragma warning restore DuckDBNET001
    }

    /// <summary>The masked form of a match, or null when it only looks alike.</summary>
    private static string? Masked(Match m)
    {
        if (m.Groups["email"] is { Success: true } email)
        {
            var local = email.Value;
            return (local.Length >= 4 ? local[..1] : "") + "***@" + m.Groups["domain"].Value;
        }
        if (m.Groups["local"] is { Success: true } localNumber)
        {
            var digits = localNumber.Value;
            var area = m.Groups["area"].Value.Replace(" ", "");
            return area + new string('*', digits.Length - 4) + digits[^4..];
        }
        if (m.Groups["mobile"].Success)
        {
            var number = Digits(m.Value)[^11..]; // after a 86 or 0086 prefix
            return number[..3] + "****" + number[^4..];
        }
        var run = Digits(m.Value).ToUpperInvariant();
        // Grouped 6-8-4 is how an ID is written out: the grouping says what it is even when the date is mistyped.
        if (m.Groups["grouped_id"].Success && IdNumber.HasProvince(run)) return run[..6] + "********" + run[^4..];
        if (run.Length == 18 && IdNumber.LooksLikeOne(run)) return run[..6] + "********" + run[^4..];
        if (run.Length == 15 && IdNumber.LooksLikeOldOne(run)) return run[..6] + "*****" + run[^4..];
        if (run.Length is >= 16 and <= 19 && BankCard.IsOne(run)) return run[..6] + new string('*', run.Length - 10) + run[^4..];
        return null;
    }

    /// <summary>The digits (and an ID's X) of a folded match, separators dropped.</summary>
    private static string Digits(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
            if (c is >= '0' and <= '9' or 'X' or 'x') sb.Append(c);
        return sb.ToString();
    }

    private static bool MayHold(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9' or >= '０' and <= '９') n++;
            else if (c is '@' or '＠') return true;
        }
        return n >= MinDigits;
    }

    /// <summary>Seven ASCII or full-width digits (U+FF10–FF19: EF BC 90–99 in UTF-8), or an '@' or '＠' (EF BC A0).</summary>
    private static bool MayHold(ReadOnlySpan<byte> utf8)
    {
        var n = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if ((uint)(b - '0') <= 9) n++;
            else if (b == '@') return true;
            else if (b == 0xEF && i + 2 < utf8.Length && utf8[i + 1] == 0xBC)
            {
                if ((uint)(utf8[i + 2] - 0x90) <= 9) n++;
                else if (utf8[i + 2] == 0xA0) return true;
                i += 2;
            }
        }
        return n >= MinDigits;
    }
}
