using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Oversight.Privacy;

/// <summary>
/// De-identifies free text: mainland ID numbers (18 digits with a valid check character, and the old 15-digit form),
/// mobile numbers as people type them (spaces, dashes, +86/86/0086, full-width digits), landlines written with their
/// area code and bank card numbers (Luhn-valid, 16–19 digits) are replaced by their masked forms; everything else is
/// kept as written. Numbers that only look alike are left: an 18-digit number whose check character is wrong, case
/// ids glued to letters, amounts and dates. Masks follow the contract (ID: first 6 and last 4, phone: first 3 and
/// last 4); a landline keeps its area code and last 4 digits, a card its first 6 and last 4.
/// </summary>
public static partial class FreeTextMask
{
    public const string SqlFunction = "mask_pii";

    /// <summary>Text with fewer digits holds nothing to mask and is passed through without a scan.</summary>
    public const int MinDigits = 7;

    // D: an ASCII or full-width digit; S: one separator as typed (space, ideographic space, ASCII or full-width dash).
    // A candidate may not touch a digit or a Latin letter on either side: "NJ2026031500012345" is a case id.
    [GeneratedRegex("""
        (?<![0-9０-９A-Za-z])
        (?:
            (?<area>[(（][0０][1-9１-９][0-9０-９]{1,2}[)）][\x20\u3000]?)(?<local>[0-9０-９]{7,8})
          | (?<area>[0０][1-9１-９][0-9０-９]{1,2}[\x20\u3000\-－])(?<local>[0-9０-９]{7,8})
          | (?<mobile>(?:(?:[+＋]|00|００)?[8８][6６][\x20\u3000\-－]?)?[1１][3-9３-９][0-9０-９](?:[\x20\u3000\-－]?[0-9０-９]{4}){2})
          | [0-9０-９]{4}(?:[\x20\u3000\-－][0-9０-９]{4}){3}(?:[\x20\u3000\-－][0-9０-９]{1,3})?
          | [0-9０-９]{15,19}[Xx]?
        )
        (?![0-9０-９A-Za-z])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    /// <summary>The text with every personal number in it masked; null stays null.</summary>
    public static string? Mask(string? text) =>
        text is null || CountDigits(text) < MinDigits ? text : Candidate().Replace(text, Replace);

    /// <summary>
    /// Makes <c>mask_pii(VARCHAR) → VARCHAR</c> available on this connection (it needs no key, so every connection
    /// has it: loaders, reject reasons and the migration that masks text stored before). Text with fewer than
    /// <see cref="MinDigits"/> digits, nearly all of it, is copied byte for byte without becoming a .NET string.
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
                if (CountDigits(bytes) < MinDigits)
                {
                    output.Set(row, bytes);
                    continue;
                }
                var text = Encoding.UTF8.GetString(bytes);
                var masked = Candidate().Replace(text, Replace);
                if (masked == text) output.Set(row, bytes);
                else output.Set(row, Encoding.UTF8.GetBytes(masked));
            }
        }, new ScalarFunctionOptions { IsPureFunction = true, HandlesNulls = true }, false);
#pragma warning restore DuckDBNET001
    }

    private static string Replace(Match m)
    {
        if (m.Groups["local"] is { Success: true } local)
        {
            var digits = Ascii(local.Value);
            return Ascii(m.Groups["area"].Value) + new string('*', digits.Length - 4) + digits[^4..];
        }
        if (m.Groups["mobile"].Success)
        {
            var number = Digits(m.Value)[^11..]; // after a 86 or 0086 prefix
            return number[..3] + "****" + number[^4..];
        }
        var run = Digits(m.Value).ToUpperInvariant();
        if (run.Length == 18 && IdNumber.HasValidCheck(run)) return run[..6] + "********" + run[^4..];
        if (run.Length == 18 && IdNumber.LooksLikeOne(run)) return m.Value; // a wrong check character: not an ID number
        if (run.Length == 15 && IdNumber.LooksLikeOldOne(run)) return run[..6] + "*****" + run[^4..];
        if (run.Length is >= 16 and <= 19 && BankCard.IsOne(run)) return run[..6] + new string('*', run.Length - 10) + run[^4..];
        return m.Value;
    }

    /// <summary>An area code as ASCII, its brackets or dash kept and spaces dropped.</summary>
    private static string Ascii(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is >= '０' and <= '９') sb.Append((char)('0' + (c - '０')));
            else if (c is >= '0' and <= '9' or '(' or ')' or '-' or ' ') sb.Append(c);
            else if (c is '\u3000') sb.Append(' ');
            else if (c is '（') sb.Append('(');
            else if (c is '）') sb.Append(')');
            else if (c is '－') sb.Append('-');
        }
        return sb.ToString();
    }

    /// <summary>The digits (and an ID's X) of a match as ASCII, separators dropped.</summary>
    private static string Digits(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is >= '０' and <= '９') sb.Append((char)('0' + (c - '０')));
            else if (c is >= '0' and <= '9' or 'X' or 'x') sb.Append(c);
        }
        return sb.ToString();
    }

    private static int CountDigits(string text)
    {
        var n = 0;
        foreach (var c in text)
            if (c is >= '0' and <= '9' or >= '０' and <= '９') n++;
        return n;
    }

    /// <summary>ASCII digits, and full-width ones (U+FF10–FF19: EF BC 90–99 in UTF-8).</summary>
    private static int CountDigits(ReadOnlySpan<byte> utf8)
    {
        var n = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if ((uint)(b - '0') <= 9) n++;
            else if (b == 0xEF && i + 2 < utf8.Length && utf8[i + 1] == 0xBC && (uint)(utf8[i + 2] - 0x90) <= 9)
            {
                n++;
                i += 2;
            }
        }
        return n;
    }
}
