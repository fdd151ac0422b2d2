namespace Oversight.Ingest;

/// <summary>Creates folders 0700 and files 0600 whatever the umask: inbox archives, quarantine and decoded copies
/// hold personal data in clear. No-ops on Windows, where the folder's ACL applies.</summary>
public static class OwnerOnly
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Plain = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Directory(string path)
    {
        if (OperatingSystem.IsWindows()) { System.IO.Directory.CreateDirectory(path); return; }
        System.IO.Directory.CreateDirectory(path, Folder);
        System.IO.File.SetUnixFileMode(path, Folder); // it may exist from before, made under another umask
    }

    public static void File(string path)
    {
        if (!OperatingSystem.IsWindows()) System.IO.File.SetUnixFileMode(path, Plain);
    }

    /// <summary>As <see cref="File"/>, for a file that may belong to another account (only its owner may chmod
    /// it); the 0700 folder around it keeps it private either way.</summary>
    public static void TryFile(string path)
    {
        try { File(path); }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException) { }
    }

    public static void WriteText(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = Plain;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            writer.Write(text);
        File(path);
    }

    /// <summary>Whether anything is at the path, a dangling link included.</summary>
    public static bool Exists(string path) =>
        System.IO.Path.Exists(path) || new FileInfo(path).LinkTarget is not null;
}
