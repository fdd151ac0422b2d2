namespace Oversight.Privacy;

/// <summary>Mainland resident ID numbers (GB 11643): 18 characters, the last a check character over the first 17
/// (ISO 7064 MOD 11-2, 'X' for 10); the pre-1999 form has 15 digits with a two-digit birth year.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

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

    /// <summary>An 18-character number shaped like an ID (a region code, then a real birth date), whatever its check.</summary>
    public static bool LooksLikeOne(string id) =>
        id.Length == 18 && id[0] is >= '1' and <= '9' && IsDate(id.Substring(6, 4), id.Substring(10, 2), id.Substring(12, 2));

    /// <summary>15 digits: a region code, then a birth date yyMMdd in the 1900s, then 3 digits.</summary>
    public static bool LooksLikeOldOne(string id) =>
        id.Length == 15 && id[0] is >= '1' and <= '9' && id.All(char.IsAsciiDigit) &&
        IsDate("19" + id.Substring(6, 2), id.Substring(8, 2), id.Substring(10, 2));

    private static bool IsDate(string year, string month, string day) =>
        int.TryParse(year, out var y) && int.TryParse(month, out var m) && int.TryParse(day, out var d) &&
        y is >= 1900 and <= 2099 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
}
