using System.Runtime.InteropServices;

namespace Oversight.Privacy;

/// <summary>
/// File modes for what holds personal data (the warehouse and its WAL, the key, the models): owner-only whatever the
/// umask. DuckDB creates its files with the process umask and deletes and re-creates the WAL at every checkpoint, so
/// a mode set once on the file does not last: <see cref="RestrictProcess"/> sets the umask to 077 for the rest of the
/// process before the warehouse is first opened. What is meant to be shared (the monthly briefing, the assessment)
/// is given the mode the user's own umask would have given it (<see cref="Share"/>).
/// </summary>
public static partial class OwnerOnly
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                               UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly Lock Gate = new();
    private static uint? _userUmask;

    /// <summary>Sets the process umask to 077 (once); remembers the user's for <see cref="Share"/>.</summary>
    public static void RestrictProcess()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        lock (Gate)
        {
            if (_userUmask is not null) return;
            _userUmask = umask(0b000_111_111);
        }
    }

    /// <summary>The umask the process started with (022 on most servers).</summary>
    public static uint UserUmask
    {
        get
        {
            RestrictProcess();
            return _userUmask ?? 0b000_010_010;
        }
    }

    /// <summary>Gives a shared file (or folder) the mode the user's umask would have given it.</summary>
    public static void Share(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var full = Directory.Exists(path) ? 0b111_111_111u : 0b110_110_110u;
        try
        {
            File.SetUnixFileMode(path, (UnixFileMode)(full & ~UserUmask));
        }
        catch (UnauthorizedAccessException)
        {
            // Another account's file, rewritten through group write access: it keeps the mode its owner gave it.
        }
    }

    /// <summary>Creates a folder for shared output (reports) with the user's umask, like mkdir -p would.</summary>
    public static void CreateSharedDirectory(string path)
    {
        if (Directory.Exists(path)) return;
        var missing = new Stack<string>();
        for (var d = Path.GetFullPath(path); !Directory.Exists(d); d = Path.GetDirectoryName(d)!) missing.Push(d);
        Directory.CreateDirectory(path);
        foreach (var d in missing) Share(d);
    }

    /// <summary>Creates the folder owner-only (0700), or tightens an existing one.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, FolderMode);
        Tighten(path);
    }

    /// <summary>Creates (or replaces) a file owner-only (0600) for writing.</summary>
    public static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        var stream = new FileStream(path, options);
        Tighten(path); // an existing file keeps its mode on open
        return stream;
    }

    /// <summary>Sets an existing file or folder we own to owner-only; a no-op for one that is absent.</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var isFolder = Directory.Exists(path);
        if (!isFolder && !File.Exists(path)) return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) != 0) File.SetUnixFileMode(path, mode & ~GroupOrOthers);
    }

    /// <summary>Whether another local account could read (or write) the file: any group or other permission.</summary>
    public static bool OthersMayAccess(string path) =>
        !OperatingSystem.IsWindows() && (File.Exists(path) || Directory.Exists(path)) &&
        (File.GetUnixFileMode(path) & GroupOrOthers) != 0;

    /// <summary>The mode as ls -l's octal (e.g. 0644), for messages.</summary>
    public static string Octal(string path) =>
        OperatingSystem.IsWindows() ? "" : "0" + Convert.ToString((int)File.GetUnixFileMode(path) & 0b111_111_111, 8);

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint umask(uint mask);
}
