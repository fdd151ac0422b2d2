using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Oversight.Reports;

/// <summary>Report files appear whole, with their final mode, or not at all: a killed or failed report leaves
/// nothing half-written (no 0-byte workbook, no owner-only PDF) in the reports folder, which others read. Content is
/// written to an unnamed file in the target's folder (Linux O_TMPFILE), given its mode, then linked under a hidden
/// name and renamed over the target; where the file system has no unnamed files, the hidden name is written instead
/// and removed on failure. A producer that needs a path (Chromium, the workbook writer) writes into a private
/// staging folder first.</summary>
public static class AtomicFile
{
    public const UnixFileMode Confidential = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The mode the user's umask gives a new file (reports are shared).</summary>
    public static UnixFileMode Shared => (UnixFileMode)(0b110_110_110u & ~Privacy.OwnerOnly.UserUmask);

    public static void WriteText(string target, string text, UnixFileMode mode) =>
        Write(target, mode, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>Lets <paramref name="produce"/> write the file at a private path, then publishes it.</summary>
    public static void Publish(string target, UnixFileMode mode, Action<string> produce)
    {
        var staging = Directory.CreateTempSubdirectory("oversight-report-"); // 0700
        try
        {
            var file = Path.Combine(staging.FullName, "out" + Path.GetExtension(target));
            produce(file);
            Write(target, mode, stream =>
            {
                using var source = File.OpenRead(file);
                source.CopyTo(stream);
            });
        }
        finally
        {
            try { staging.Delete(recursive: true); } catch (IOException) { } // Chromium may still hold a lock file briefly
        }
    }

    public static void Write(string target, UnixFileMode mode, Action<Stream> write)
    {
        target = Path.GetFullPath(target);
        if (OperatingSystem.IsWindows())
        {
            var temp = target + ".tmp";
            using (var s = File.Create(temp)) write(s);
            File.Move(temp, target, overwrite: true);
            return;
        }
        var dir = Path.GetDirectoryName(target)!;
        var hidden = Path.Combine(dir, $".oversight-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        var fd = OperatingSystem.IsLinux() && UnnamedFlag() is { } flag ? open(dir, flag | OWronly | OCloexec, 0b110_000_000) : -1;
        try
        {
            if (fd >= 0)
            {
                var handle = new SafeFileHandle(fd, ownsHandle: true);
                using var stream = new FileStream(handle, FileAccess.Write); // closes the handle
                write(stream);
                stream.Flush(flushToDisk: true);
                File.SetUnixFileMode(handle, mode);
                // Only now does the file get a name: a hidden one, renamed over the target in one step.
                if (linkat(AtFdCwd, $"/proc/self/fd/{fd}", AtFdCwd, hidden, AtSymlinkFollow) != 0)
                    throw new IOException(Messages.CannotCreateFileIn(dir, Marshal.GetLastPInvokeError()));
            }
            else
            {
                using var stream = new FileStream(hidden, new FileStreamOptions
                {
                    Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
                write(stream);
                stream.Flush(flushToDisk: true);
                File.SetUnixFileMode(stream.SafeFileHandle, mode);
            }
            File.Move(hidden, target, overwrite: true);
        }
        catch
        {
            File.Delete(hidden);
            throw;
        }
    }

    /// <summary>O_TMPFILE, whose value differs between architectures; null where it is not known.</summary>
    private static int? UnnamedFlag() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x410000, // __O_TMPFILE | O_DIRECTORY
        Architecture.Arm64 or Architecture.Arm => 0x404000,
        _ => null,
    };

    private const int OWronly = 1, OCloexec = 0x80000, AtFdCwd = -100, AtSymlinkFollow = 0x400;

#pragma warning disable SYSLIB1054 // a few calls per report
    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int linkat(int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, int newdirfd,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, int flags);
#pragma warning restore SYSLIB1054
}
