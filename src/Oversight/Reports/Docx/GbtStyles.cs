using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Oversight.Reports.Docx;

/// <summary>The 公文 fonts by the names county machines have them, each with the fallback Word and WPS use when it
/// is missing, and the paragraph styles an office edits with (正文, 一级/二级/三级标题, 公文标题 …).</summary>
public static class GbtStyles
{
    public const string FangSong = "仿宋_GB2312";
    public const string XiaoBiaoSong = "方正小标宋简体";
    public const string HeiTi = "黑体";
    public const string KaiTi = "楷体_GB2312";
    public const string SongTi = "宋体";

    /// <summary>Red of the 发文机关标志 and the 版头 separator line.</summary>
    public const string Red = "FF0000";

    /// <summary>Each font with its East-Asian fallback (the name installed by Windows or WPS when the GB2312-era font
    /// is not) and, for the font table, its family.</summary>
    public static readonly IReadOnlyList<(string Name, string Fallback, FontFamilyValues Family)> Fonts =
    [
        (FangSong, "仿宋", FontFamilyValues.Modern),
        (XiaoBiaoSong, "宋体", FontFamilyValues.Roman),
        (HeiTi, "SimHei", FontFamilyValues.Modern),
        (KaiTi, "楷体", FontFamilyValues.Modern),
        (SongTi, "SimSun", FontFamilyValues.Auto),
    ];

    public const string Body = "GwBody";
    public const string Title = "Title";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Heading3 = "Heading3";
    public const string IssuerMark = "GwIssuer";
    public const string NoIndent = "GwPlain";
    public const string Note = "GwNote";
    public const string TableText = "GwTable";
    public const string Colophon = "GwColophon";
    public const string PageNumber = "GwPageNumber";

    public static RunFonts FontsOf(string name) =>
        new() { Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name };

    public static Fonts FontTable() => new(Fonts.Select(f => new Font(
        new AltName { Val = f.Fallback },
        new FontCharSet { Val = "86" }, // GB2312
        new FontFamily { Val = f.Family },
        new Pitch { Val = FontPitchValues.Variable }) { Name = f.Name }));

    public static Styles Styles()
    {
        var halfPoints = ((int)(GbtPage.BodyPoints * 2)).ToString();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    FontsOf(FangSong), new Spacing { Val = GbtPage.CharacterSpacing }, new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints },
                    new Languages { Val = "zh-CN", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = GbtPage.LinePitch.ToString(), LineRule = LineSpacingRuleValues.Exact },
                    new Justification { Val = JustificationValues.Both }))));

        styles.Append(Style("Normal", "Normal", null, isDefault: true));
        styles.Append(Style(Body, "公文正文", "Normal", indentChars: 2));
        styles.Append(Style(NoIndent, "公文顶格", "Normal"));
        styles.Append(Style(Heading1, "heading 1", Body, font: HeiTi, outline: 0));
        styles.Append(Style(Heading2, "heading 2", Body, font: KaiTi, outline: 1));
        styles.Append(Style(Heading3, "heading 3", Body, outline: 2));
        styles.Append(Style(Title, "Title", "Normal", font: XiaoBiaoSong, points: 22, center: true));
        styles.Append(Style(IssuerMark, "发文机关标志", "Normal", font: XiaoBiaoSong, center: true, color: Red, autoSpacing: true));
        styles.Append(Style(Note, "说明文字", Body, points: 14));
        styles.Append(Style(TableText, "表格文字", "Normal", points: 10.5, autoSpacing: true));
        styles.Append(Style(Colophon, "版记", "Normal", points: 14));
        styles.Append(Style(PageNumber, "页码", "Normal", font: SongTi, points: 14, autoSpacing: true));
        return styles;
    }

    private static Style Style(string id, string name, string? basedOn, bool isDefault = false, int indentChars = 0, string? font = null,
        double? points = null, bool center = false, int? outline = null, string? color = null, bool autoSpacing = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = id == Title || id == IssuerMark || outline is not null ? Body : id });
        style.Append(new PrimaryStyle());
        var p = new StyleParagraphProperties();
        if (outline is not null) p.Append(new KeepNext());
        if (autoSpacing)
        {
            p.Append(new SnapToGrid { Val = false });
            p.Append(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto });
        }
        if (indentChars > 0) p.Append(new Indentation { FirstLine = (indentChars * GbtPage.BodyChar).ToString() });
        if (center) p.Append(new Justification { Val = JustificationValues.Center });
        if (outline is not null) p.Append(new OutlineLevel { Val = outline.Value });
        if (p.HasChildren) style.Append(p);
        var r = new StyleRunProperties();
        if (font is not null) r.Append(FontsOf(font));
        if (color is not null) r.Append(new Color { Val = color });
        if (points is not null)
        {
            var hp = ((int)Math.Round(points.Value * 2)).ToString();
            r.Append(new FontSize { Val = hp }, new FontSizeComplexScript { Val = hp });
        }
        if (r.HasChildren) style.Append(r);
        return style;
    }
}
