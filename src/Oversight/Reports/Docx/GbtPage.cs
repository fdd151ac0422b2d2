namespace Oversight.Reports.Docx;

/// <summary>The page of GB/T 9704-2012 in Word units (twentieths of a point, "twips"): A4, 天头 37 mm, 订口 28 mm,
/// 版心 156 mm × 225 mm, 22 lines of 28 characters in 3号 (16 pt) type.</summary>
public static class GbtPage
{
    public const int TwipsPerPoint = 20;

    public static int Mm(double mm) => (int)Math.Round(mm / 25.4 * 1440);

    public static readonly int Width = Mm(210);
    public static readonly int Height = Mm(297);
    public static readonly int Top = Mm(37);
    public static readonly int Left = Mm(28);
    public static readonly int Right = Width - Left - Mm(156);
    public static readonly int Bottom = Height - Top - Mm(225);
    public static readonly int TextWidth = Width - Left - Right;

    /// <summary>The page number's 一字线 sits 7 mm below the 版心; its 4号 line is about 6 mm tall.</summary>
    public static readonly int Footer = Bottom - Mm(7) - Mm(6);

    public const int Lines = 22;
    public const int CharsPerLine = 28;

    /// <summary>Body type size in points (3号).</summary>
    public const double BodyPoints = 16;

    /// <summary>The line pitch that fits 22 lines into the 版心 (about 28.95 pt).</summary>
    public static readonly int LinePitch = (Height - Top - Bottom) / Lines;

    /// <summary>How much every character is condensed, in twentieths of a point, so that 28 characters of 3号 fill
    /// the 156 mm line (16 pt each would make 27.6): −5, i.e. 15.75 pt a character. Word's character grid would do the
    /// same in Word and WPS, but LibreOffice spreads gridded text to about 20 a line, so the grid is lines only.</summary>
    public static readonly int CharacterSpacing =
        (int)Math.Floor(((double)TextWidth / TwipsPerPoint / CharsPerLine - BodyPoints) * TwipsPerPoint);

    /// <summary>One character of body type (3号), the unit of indents such as 左空二字.</summary>
    public const int BodyChar = (int)(BodyPoints * TwipsPerPoint);
}
