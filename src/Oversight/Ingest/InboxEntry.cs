using System.Runtime.InteropServices;

namespace Oversight.Ingest;

/// <summary>What a path in the inbox is, found from its metadata alone (statx without following the link, then
/// the link's target), so a FIFO, socket or device is never opened: opening a FIFO blocks until a writer comes.</summary>
public enum EntryKind { Regular, Directory, Fifo, Socket, Device, DanglingLink, OutsideLink, Missing, Other }

/// <summary>A path's type, permission bits and owner, from its metadata.</summary>
public readonly record struct EntryStat(EntryKind Kind, UnixFileMode Mode, uint Owner);

public static class InboxEntry
{
    public static EntryKind KindOf(string path)
    {
        if (!OperatingSystem.IsLinux()) return Portable(path);
        try
        {
            var own = Statx(path, followLinks: false);
            if (own is null) return EntryKind.Missing;
            if (own != S_IFLNK) return FromMode(own.Value);
            var target = Statx(path, followLinks: true);
            return target is null ? EntryKind.DanglingLink : FromMode(target.Value);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return Portable(path);
        }
    }

    /// <summary>As <see cref="KindOf(string)"/>, and a link whose real path (every link on the way resolved) is not
    /// inside the inbox is <see cref="EntryKind.OutsideLink"/>: a sender must not make the night read the key or
    /// /etc/shadow. Links within the inbox are read as what they point to.</summary>
    public static EntryKind KindOf(string path, string inbox)
    {
        var kind = KindOf(path);
        if (kind is EntryKind.Missing or EntryKind.DanglingLink || new FileInfo(path).LinkTarget is null) return kind;
        var target = RealPath(path);
        var root = RealPath(inbox);
        if (target is null || root is null) return EntryKind.DanglingLink;
        return target.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal) ? kind : EntryKind.OutsideLink;
    }

    /// <summary>Type, mode and owner of the path (following links), or null when it does not exist; read from
    /// metadata only, so nothing is opened.</summary>
    public static EntryStat? Stat(string path)
    {
        if (!OperatingSystem.IsLinux())
            return KindOf(path) is var k and not EntryKind.Missing ? new EntryStat(k, OperatingSystem.IsWindows() ? 0 : File.GetUnixFileMode(path), 0) : null;
        var buffer = new byte[256];
        if (statx(AtFdCwd, path, 0, StatxType | StatxMode | StatxUid, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR or ELOOP) return null;
            throw new IOException(Messages.NoFileInfo(errno, path));
        }
        var mode = BitConverter.ToUInt16(buffer, 28);
        return new EntryStat(FromMode(mode & S_IFMT), (UnixFileMode)(mode & 0xFFF), BitConverter.ToUInt32(buffer, 20));
    }

    /// <summary>The effective user id of this process (0 off Linux).</summary>
    public static uint CurrentUser => OperatingSystem.IsLinux() ? geteuid() : 0;

    /// <summary>The canonical path with every link resolved (realpath(3)), or null.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux()) return Path.GetFullPath(path);
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { Marshal.FreeHGlobal(resolved); }
    }

    /// <summary>Why a non-regular entry is not read, for the sender.</summary>
    public static string Explain(EntryKind kind) => kind switch
    {
        EntryKind.Directory => Messages.EntryDirectory,
        EntryKind.Fifo => Messages.EntryFifo,
        EntryKind.Socket => Messages.EntrySocket,
        EntryKind.Device => Messages.EntryDevice,
        EntryKind.DanglingLink => Messages.EntryDanglingLink,
        EntryKind.OutsideLink => Messages.EntryOutsideLink,
        EntryKind.Missing => Messages.EntryMissing,
        _ => Messages.EntryNotRegular,
    };

    private static EntryKind Portable(string path)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path)) return EntryKind.Directory;
        if (info.Exists) return EntryKind.Regular;
        return info.LinkTarget is not null ? EntryKind.DanglingLink : EntryKind.Missing;
    }

    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxUid = 0x8;
    private const int S_IFMT = 0xF000, S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFDIR = 0x4000, S_IFBLK = 0x6000,
        S_IFREG = 0x8000, S_IFLNK = 0xA000, S_IFSOCK = 0xC000;
    private const int ENOENT = 2, ENOTDIR = 20, ELOOP = 40;

    private static EntryKind FromMode(int type) => type switch
    {
        S_IFREG => EntryKind.Regular,
        S_IFDIR => EntryKind.Directory,
        S_IFIFO => EntryKind.Fifo,
        S_IFSOCK => EntryKind.Socket,
        S_IFCHR or S_IFBLK => EntryKind.Device,
        _ => EntryKind.Other,
    };

    /// <summary>The file type bits (S_IFMT) of the path, or null when it does not exist. struct statx has the same
    /// layout on every Linux architecture: stx_mode is the 16-bit field at byte 28 of 256.</summary>
    private static int? Statx(string path, bool followLinks)
    {
        var buffer = new byte[256];
        if (statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) == 0)
            return BitConverter.ToUInt16(buffer, 28) & S_IFMT;
        var errno = Marshal.GetLastPInvokeError();
        if (errno is ENOENT or ENOTDIR or ELOOP) return null;
        throw new IOException(Messages.NoFileInfo(errno, path));
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for a call made once per inbox file
    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern uint geteuid();
#pragma warning restore SYSLIB1054
}
