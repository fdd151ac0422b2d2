using System.Xml;
using System.Xml.Linq;

namespace Oversight.Reports.Docx;

/// <summary>The Word document of a report: its template (name.docx.sbn) renders the document's parts as simple markup
/// with every text XML-escaped; <see cref="DocxWriter"/> lays them out as a GB/T 9704 公文.</summary>
public static class DocxReport
{
    public static string TemplateOf(string templateBase) => templateBase + ".docx.sbn";

    /// <summary>The rendered markup, or null when the template folder has no Word template for this report (a
    /// county's copy made before there was one).</summary>
    public static XElement? Render(TemplateFolder templates, string templateBase, object model)
    {
        var relative = TemplateOf(templateBase);
        if (!File.Exists(templates.PathOf(relative))) return null;
        var text = templates.Render(relative, model, TextEscaping.Xml);
        try
        {
            var root = XDocument.Parse(text, LoadOptions.SetLineInfo).Root!;
            if (root.Name.LocalName != "document")
                throw new ReportException(Messages.WordTemplateNotADocument(relative, root.Name.LocalName));
            return root;
        }
        catch (XmlException ex)
        {
            var line = text.Split('\n').ElementAtOrDefault(ex.LineNumber - 1) ?? "";
            var near = line.Substring(Math.Max(0, ex.LinePosition - 60), Math.Min(line.Length - Math.Max(0, ex.LinePosition - 60), 120));
            throw new ReportException(Messages.WordTemplateMalformed(relative, ex.LineNumber, ex.LinePosition, near, ex.Message), ex);
        }
    }

    public static void Write(XElement markup, string path, bool confidential) =>
        OfficeFile.Write(path, confidential, tmp => DocxWriter.Write(markup, tmp));
}
