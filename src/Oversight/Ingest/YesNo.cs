namespace Oversight.Ingest;

/// <summary>The canonical values of a yes/no column (the yes_no domain of sql/seeds/enum_values.csv): data the
/// loaders compare with, not a message.</summary>
public static class YesNo
{
    public const string Yes = "是";
    public const string No = "否";
}
