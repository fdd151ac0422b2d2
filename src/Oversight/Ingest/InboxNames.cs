using System.Runtime.InteropServices;
using System.Text;
using Oversight.Privacy;

namespace Oversight.Ingest;

/// <summary>File names as the inbox holds them, in bytes. A name unzipped from a Windows zip is in GBK, which .NET
/// reads as UTF-8 with replacement characters: the file then cannot be opened under the name it was listed by. Such a
/// name is renamed in place to its GBK reading before the inbox is listed; one readable in neither encoding is moved
/// to quarantine under a name made of its bytes. Names near the 255-byte limit keep what is appended to them in bounds.</summary>
public static class InboxNames
{
    /// <summary>The longest file name Linux file systems take, in bytes.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>Renames GBK names to their reading; returns what happened to each name not in UTF-8, as outcomes
    /// (a renamed file is then loaded under its new name in the same run).</summary>
    public static IReadOnlyList<FileOutcome> Repair(string inbox, string quarantine, List<string> notes)
    {
        if (!OperatingSystem.IsLinux()) return [];
        var outcomes = new List<FileOutcome>();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        foreach (var raw in RawNames(inbox).Where(n => !System.Text.Unicode.Utf8.IsValid(n)))
        {
            var bytes = string.Join(" ", raw.Select(b => b.ToString("X2")));
            string? decoded;
            try { decoded = gbk.GetString(raw); }
            catch (DecoderFallbackException) { decoded = null; }
            if (decoded is not null && decoded.IndexOfAny(['/', '\0']) < 0 && !Path.Exists(Path.Combine(inbox, decoded)) &&
                Rename(Join(inbox, raw), Encoding.UTF8.GetBytes(Path.Combine(inbox, decoded))))
            {
                notes.Add(Messages.GbkFileName(FreeTextMask.Mask(decoded)));
                continue;
            }
            // Neither encoding (or the decoded name is taken): set aside under its bytes, so it stops coming back unread.
            OwnerOnly.Directory(quarantine);
            var safe = Fit(Messages.UnreadableNamePrefix + string.Concat(raw.Select(b => b.ToString("X2"))), ".reason.txt".Length);
            var target = Path.Combine(quarantine, safe);
            for (var n = 1; Path.Exists(target); n++) target = Path.Combine(quarantine, Numbered(safe, n));
            var reason = Messages.UnreadableFileName(bytes, Path.GetFileName(target));
            if (decoded is not null)
                reason = Messages.GbkFileNameTaken(bytes, decoded, Path.GetFileName(target));
            if (!Rename(Join(inbox, raw), Encoding.UTF8.GetBytes(target))) continue;
            OwnerOnly.TryFile(target);
            OwnerOnly.WriteText(Path.Combine(quarantine, Fit(Path.GetFileName(target), ".reason.txt".Length) + ".reason.txt"),
                Messages.ReasonFile(Path.GetFileName(target), reason));
            outcomes.Add(new FileOutcome(Path.GetFileName(target), null, Outcomes.SetAside, 0, 0, reason));
        }
        return outcomes;
    }

    /// <summary>The name cut (at a character boundary, keeping its extension) so that it and
    /// <paramref name="suffixBytes"/> more bytes fit the file system's limit.</summary>
    public static string Fit(string name, int suffixBytes = 0)
    {
        var ext = Path.GetExtension(name);
        return Cut(Path.GetFileNameWithoutExtension(name), MaxNameBytes - suffixBytes - Encoding.UTF8.GetByteCount(ext)) + ext;
    }

    /// <summary>name.n.ext, the stem cut so that the number always fits.</summary>
    public static string Numbered(string name, int n)
    {
        var suffix = $".{n}{Path.GetExtension(name)}";
        return Cut(Path.GetFileNameWithoutExtension(name), MaxNameBytes - Encoding.UTF8.GetByteCount(suffix)) + suffix;
    }

    private static string Cut(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;
        var cut = new StringBuilder();
        var bytes = Encoding.UTF8.GetByteCount("…");
        foreach (var rune in text.EnumerateRunes())
        {
            if ((bytes += rune.Utf8SequenceLength) > maxBytes) break;
            cut.Append(rune.ToString());
        }
        return cut + "…";
    }

    private static byte[] Join(string folder, byte[] name) =>
        [.. Encoding.UTF8.GetBytes(Path.GetFullPath(folder).TrimEnd('/') + "/"), .. name];

    private static bool Rename(byte[] from, byte[] to) => rename([.. from, 0], [.. to, 0]) == 0;

    /// <summary>The inbox's top-level names as bytes (readdir), "." and ".." left out.</summary>
    private static List<byte[]> RawNames(string folder)
    {
        var names = new List<byte[]>();
        var dir = opendir(Path.GetFullPath(folder));
        if (dir == IntPtr.Zero) return names;
        try
        {
            // struct dirent on Linux (glibc, 64-bit): d_ino 8, d_off 8, d_reclen 2, d_type 1, then d_name.
            for (var entry = readdir(dir); entry != IntPtr.Zero; entry = readdir(dir))
            {
                var name = ReadBytes(entry + 19);
                if (name.Length == 0 || name is [(byte)'.'] or [(byte)'.', (byte)'.']) continue;
                names.Add(name);
            }
        }
        finally
        {
            closedir(dir);
        }
        return names;
    }

    private static byte[] ReadBytes(IntPtr text)
    {
        var length = 0;
        while (length < 256 && Marshal.ReadByte(text, length) != 0) length++;
        var bytes = new byte[length];
        Marshal.Copy(text, bytes, 0, length);
        return bytes;
    }

#pragma warning disable SYSLIB1054 // called a few times per run
    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr opendir([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr readdir(IntPtr dir);

    [DllImport("libc")]
    private static extern int closedir(IntPtr dir);

    [DllImport("libc", SetLastError = true)]
    private static extern int rename(byte[] from, byte[] to);
#pragma warning restore SYSLIB1054
}
