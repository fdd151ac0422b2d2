namespace Oversight.Privacy;

/// <summary>Payment card numbers: 16–19 digits passing the Luhn check, issued under a card scheme's leading digit
/// (3 JCB/Amex, 4 Visa, 5 Mastercard, 6 UnionPay, 9 older domestic cards). Other long numbers (case ids that start
/// with a year, amounts) are not cards.</summary>
public static class BankCard
{
    public static bool IsOne(string digits) =>
        digits.Length is >= 16 and <= 19 && digits.All(char.IsAsciiDigit) && digits[0] is '3' or '4' or '5' or '6' or '9' &&
        LuhnValid(digits);

    public static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>The Luhn check digit for the leading digits: for tests.</summary>
    public static char CheckDigit(string leading)
    {
        for (var c = '0'; c <= '9'; c++)
            if (LuhnValid(leading + c)) return c;
        throw new InvalidOperationException("unreachable");
    }
}
