namespace Oversight.Configuration;

/// <summary>Each default the CLI, the nightly service and the library share, defined here once. Thresholds that
/// shape figures are warehouse settings instead (sql/seeds/metric_settings.csv, e.g. the overdue-prone label's
/// overdue_prone_min_late), so a county changes them in its county folder.</summary>
public static class Defaults
{
    /// <summary>A file with a larger share of rejected rows is a broken export and is set aside whole.</summary>
    public const double RejectThreshold = 0.05;

    /// <summary>The share rule applies only from this many rows.</summary>
    public const int RejectThresholdMinRows = 50;

    /// <summary>Seconds a file's size and modification time must stay unchanged before it is loaded.</summary>
    public const double SettleSeconds = 30;

    /// <summary>The restricted folder for inspection plans, beside the database (or the service's settings file).</summary>
    public const string RestrictedFolderName = "restricted";

    public const string InspectionRecipient = "县纪委监委第一监督检查室";

    public const int InspectionPlanSize = 8;

    /// <summary>The restricted folder belonging to the warehouse at <paramref name="databasePath"/>.</summary>
    public static string RestrictedBeside(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, RestrictedFolderName);
}
