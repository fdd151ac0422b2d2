namespace Oversight.Reports;

/// <summary>Writes a Word or Excel file the way the other report files are written (<see cref="AtomicFile"/>): whole or
/// not at all, shared with the user's umask, or owner-only (0600) when confidential.</summary>
public static class OfficeFile
{
    public static void Write(string path, bool confidential, Action<string> write) =>
        AtomicFile.Publish(path, confidential ? AtomicFile.Confidential : AtomicFile.Shared, write);
}
