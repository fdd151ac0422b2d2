using System.Runtime.InteropServices;

namespace Oversight.Ingest;

/// <summary>What a path in the inbox is, found from its metadata alone (statx without following the link, then
/// the link's target), so a FIFO, socket or device is never opened: opening a FIFO blocks until a writer comes.</summary>
public enum EntryKind { Regular, Directory, Fifo, Socket, Device, DanglingLink, Missing, Other }

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

    /// <summary>Why a non-regular entry is not read, for the sender.</summary>
    public static string Explain(EntryKind kind) => kind switch
    {
        EntryKind.Directory => "这是一个文件夹：只导入收件目录最上层的文件，文件夹内的文件不会被读取。",
        EntryKind.Fifo => "这不是普通文件而是命名管道（FIFO），未读取。请报送普通的 CSV 或 Excel 文件。",
        EntryKind.Socket => "这不是普通文件而是套接字（socket），未读取。请报送普通的 CSV 或 Excel 文件。",
        EntryKind.Device => "这不是普通文件而是设备文件，未读取。请报送普通的 CSV 或 Excel 文件。",
        EntryKind.DanglingLink => "这是一个指向不存在文件的符号链接（目标已被删除或移走），未读取。请报送文件本身。",
        EntryKind.Missing => "文件在读取前已不存在（可能被移走或删除），本次未导入。",
        _ => "这不是普通文件，未读取。请报送普通的 CSV 或 Excel 文件。",
    };

    private static EntryKind Portable(string path)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path)) return EntryKind.Directory;
        if (info.Exists) return EntryKind.Regular;
        return info.LinkTarget is not null ? EntryKind.DanglingLink : EntryKind.Missing;
    }

    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, StatxType = 0x1;
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
        throw new IOException($"无法读取文件信息（错误码 {errno}）：{path}");
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for a call made once per inbox file
    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
