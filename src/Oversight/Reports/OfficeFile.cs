namespace Oversight.Reports;

/// <summary>Writes a Word or Excel file the way the other report files are written: whole or not at all (a temporary
/// file beside it, renamed over the old one), shared with the user's umask, or owner-only (0600) when confidential.</summary>
public static class OfficeFile
{
    public static void Write(string path, bool confidential, Action<string> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            write(tmp);
            if (!OperatingSystem.IsWindows())
            {
                if (confidential) File.SetUnixFileMode(tmp, Privacy.OwnerOnly.FileMode);
                else Privacy.OwnerOnly.Share(tmp);
            }
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
