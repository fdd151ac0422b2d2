namespace Oversight.Reports;

/// <summary>Markup built by <see cref="SvgCharts"/>, which escapes every text it draws; the only value a
/// template receives unescaped.</summary>
public sealed record Svg(string Markup);
