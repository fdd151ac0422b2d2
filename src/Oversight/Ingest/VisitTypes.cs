namespace Oversight.Ingest;

/// <summary>The visits feed's visit_type domain (sql/seeds/enum_values.csv): 暗访 unannounced, 明查 announced.</summary>
public static class VisitTypes
{
    public const string Unannounced = "暗访";
    public const string Announced = "明查";
}
