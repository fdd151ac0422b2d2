namespace Oversight.Reports;

/// <summary>Words a template's partial gives to what the program builds before a template lays it out (a chart's title,
/// a table's header, a cell's word): the program passes facts, the partial (report-templates/…/sentences.sbn, the
/// county's copy when it has one) words them, as plain text that the document's template then escapes like any value.</summary>
public static class Wording
{
    /// <summary>Between two calls' texts in one render (a control character no sentence holds).</summary>
    private const char Separator = '\u001f';

    /// <summary>Each of <paramref name="calls"/> (a call of the partial's functions, e.g. <c>annex_title "ranking"</c>)
    /// rendered with <paramref name="model"/>'s facts as globals, in one pass (the partial is parsed once).</summary>
    public static IReadOnlyList<string> Render(TemplateFolder templates, string partial, object model, IReadOnlyList<string> calls)
    {
        if (calls.Count == 0) return [];
        var source = $"{{{{ include '{partial}' }}}}" + string.Concat(calls.Select(c => $"{{{{ {c} }}}}{Separator}"));
        var parts = templates.RenderText(source, model, text => text).Split(Separator);
        return parts.Take(calls.Count).Select(p => p.Trim()).ToList();
    }

    /// <summary>Each of <paramref name="functions"/> of the partial applied to each of <paramref name="items"/> (a table's
    /// cells, an item a row), in one pass: the loop is the template's, so thousands of rows are one short template.</summary>
    public static IReadOnlyList<string[]> RenderEach<T>(TemplateFolder templates, string partial, IReadOnlyList<T> items,
        IReadOnlyList<string> functions)
    {
        if (items.Count == 0) return [];
        var calls = string.Concat(functions.Select(f => $"{{{{ {f} item }}}}{Separator}"));
        var source = $"{{{{ include '{partial}' }}}}{Separator}{{{{ for item in items }}}}{calls}{{{{ end }}}}";
        var parts = templates.RenderText(source, new { Items = items }, text => text).Split(Separator);
        return Enumerable.Range(0, items.Count)
            .Select(i => Enumerable.Range(0, functions.Count).Select(f => parts[1 + i * functions.Count + f].Trim()).ToArray()).ToList();
    }

    /// <summary>A Scriban string literal of <paramref name="text"/> (a key the program passes to a function).</summary>
    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
