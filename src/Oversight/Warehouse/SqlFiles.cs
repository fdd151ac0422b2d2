namespace Oversight.Warehouse;

/// <summary>Finds the shipped sql/ folder and reads the named SQL files in it.</summary>
public static class SqlFiles
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    /// <summary>Text of a file under sql/, e.g. <c>Read("ingest/upsert_cases.sql")</c>.</summary>
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "sql");
        if (Directory.Exists(Path.Combine(beside, "migrations"))) return beside;
        throw new DirectoryNotFoundException(Messages.SqlFolderMissing(beside));
    }
}
