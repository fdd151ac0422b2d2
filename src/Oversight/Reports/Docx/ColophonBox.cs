using DocumentFormat.OpenXml.Wordprocessing;

namespace Oversight.Reports.Docx;

/// <summary>The 版记 as a text box anchored to the bottom of the 版心 (DrawingML, wrap top and bottom): it prints at
/// the foot of whatever page the document ends on, in Word, WPS and LibreOffice alike, and stays editable.</summary>
internal static class ColophonBox
{
    private const long EmuPerTwip = 635;

    public static Paragraph Anchor(IEnumerable<Paragraph> content, int lines)
    {
        var cx = GbtPage.TextWidth * EmuPerTwip;
        var cy = (lines * GbtPage.LinePitch + 120) * EmuPerTwip;
        var inner = string.Concat(content.Select(p => p.OuterXml));
        var xml = $"""
            <w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:pPr><w:pStyle w:val="{GbtStyles.NoIndent}"/></w:pPr><w:r><w:drawing>
            <wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0">
            <wp:simplePos x="0" y="0"/>
            <wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>
            <wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>
            <wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>
            <wp:docPr id="1" name="版记"/><wp:cNvGraphicFramePr/>
            <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
            <wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:cNvSpPr txBox="1"/>
            <wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
            <wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>
            <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr>
            </wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>
            """;
        return new Paragraph(xml.ReplaceLineEndings(""));
    }
}
