namespace Oversight.Privacy;

/// <summary>Mainland resident ID numbers (GB 11643): 18 characters, a 6-digit region code (its first two digits a
/// province), a birth date yyyyMMdd, a 3-digit sequence and a check character over the first 17 (ISO 7064 MOD 11-2,
/// 'X' for 10); the pre-1999 form has 15 digits with a two-digit birth year. A number is an ID by its shape: a typo
/// in the check character still names the region, the birth date and the person.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>First two digits of a region code (GB/T 2260): provinces, Taiwan 71, Hong Kong/Macao/Taiwan residence
    /// permits 81–83, foreigners' permanent residence cards 91.</summary>
    private static readonly HashSet<int> Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
         61, 62, 63, 64, 65, 71, 81, 82, 83, 91];

    /// <summary>An ID number written as an id (complaint_id, case_id) names a person who is at least this old: a
    /// younger "birth date" is the record date of a region+date+sequence case number, which has the same shape.</summary>
    public const int MinAgeAsIdentifier = 14;

    /// <summary>17 ASCII digits and the right check character (upper-case X).</summary>
    public static bool HasValidCheck(string id)
    {
        if (id.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return false;
            sum += (id[i] - '0') * Weights[i];
        }
        return id[17] == CheckCharacters[sum % 11];
    }

    /// <summary>The check character for 17 digits: for tests and the demo county.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Whether the first two digits are a province code.</summary>
    public static bool HasProvince(string digits) =>
        digits.Length >= 2 && char.IsAsciiDigit(digits[0]) && char.IsAsciiDigit(digits[1]) &&
        Provinces.Contains((digits[0] - '0') * 10 + (digits[1] - '0'));

    /// <summary>17 ASCII digits and a digit or X (ASCII), a province code, then a real birth date no later than
    /// <paramref name="bornBy"/> (today when not given), whatever the check character.</summary>
    public static bool LooksLikeOne(string id, DateTime? bornBy = null) =>
        id.Length == 18 && id.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') is false &&
        (char.IsAsciiDigit(id[17]) || id[17] is 'X' or 'x') && HasProvince(id) &&
        BirthDate(id.Substring(6, 4), id.Substring(10, 2), id.Substring(12, 2)) is { } born && born <= (bornBy ?? DateTime.Today);

    /// <summary>15 digits: a province code, then a birth date yyMMdd in the 1900s, then 3 digits.</summary>
    public static bool LooksLikeOldOne(string id) =>
        id.Length == 15 && id.All(char.IsAsciiDigit) && HasProvince(id) &&
        BirthDate("19" + id.Substring(6, 2), id.Substring(8, 2), id.Substring(10, 2)) is not null;

    private static DateTime? BirthDate(string year, string month, string day) =>
        int.TryParse(year, out var y) && int.TryParse(month, out var m) && int.TryParse(day, out var d) &&
        y >= 1900 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateTime(y, m, d) : null;
}
