using System.Runtime.InteropServices;
using System.Text;

namespace Oversight.Tests.Ingest;

/// <summary>File names the inbox really gets, through the real CLI: GBK bytes from a Windows zip, bytes in no
/// encoding, and names at the file system's 255-byte limit.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class FileNameTests
{
    private const string Centers = "center_code,center_name,county_code,kind,population\n511922001,集州街道,511922,街道,52000\n";

    [Fact]
    public void A_gbk_name_is_decoded_and_loaded_and_a_name_in_no_encoding_is_set_aside_naming_its_bytes()
    {
        using var w = new TestWarehouse();
        w.Close();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        CreateRaw(w.Inbox, Encoding.GetEncoding("GB18030").GetBytes("centers_中心.csv"), Centers);
        CreateRaw(w.Inbox, [.. "centers_"u8, 0xFF, 0xFE, .. ".csv"u8], Centers.Replace("511922001", "511922002"));

        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("文件名“centers_中心.csv”是 GBK 编码", run.StdOut);
        Assert.True(File.Exists(Path.Combine(w.Inbox, "archive", "centers_中心.csv")), run.StdOut + run.StdErr);
        var reason = File.ReadAllText(Path.Combine(w.Inbox, "quarantine", "文件名无法识别_63656E746572735FFFFE2E637376.reason.txt"));
        Assert.Contains("文件名既不是 UTF-8 也不是 GBK 编码（文件名字节：63 65 6E 74 65 72 73 5F FF FE 2E 63 73 76）", reason);
        Assert.Empty(Directory.GetFiles(w.Inbox)); // nothing comes back unread the next night
        w.Reopen();
        Assert.Equal(["511922001"], w.Query<string>("SELECT center_code FROM dim_center"));
    }

    [Fact]
    public void A_251_byte_name_is_loaded_or_set_aside_like_any_other()
    {
        using var w = new TestWarehouse();
        var stem = string.Concat(Enumerable.Repeat("长", 78)) + "abcde.csv";
        var good = "centers_" + stem;
        var bad = "cases_c" + stem;
        Assert.Equal(251, Encoding.UTF8.GetByteCount(good));
        w.WriteCsv(good, Centers);
        w.WriteCsv(bad, "不是表头\n");
        w.Close();

        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"]);

        Assert.Equal(3, run.ExitCode);
        Assert.DoesNotContain("磁盘", run.StdOut + run.StdErr);
        Assert.True(File.Exists(Path.Combine(w.Inbox, "archive", good)));
        Assert.True(File.Exists(Path.Combine(w.Inbox, "quarantine", bad)));
        var note = Assert.Single(Directory.GetFiles(Path.Combine(w.Inbox, "quarantine"), "*.reason.txt"));
        Assert.Contains($"文件：{bad}", File.ReadAllText(note));
    }

    private static void CreateRaw(string folder, byte[] name, string text)
    {
        var path = Encoding.UTF8.GetBytes(folder + "/").Concat(name).Append((byte)0).ToArray();
        var fd = open(path, 0x41 | 0x200, 0x1A4); // O_WRONLY | O_CREAT | O_TRUNC, 0644
        Assert.True(fd >= 0);
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(bytes.Length, (int)write(fd, bytes, bytes.Length));
        close(fd);
    }

#pragma warning disable SYSLIB1054
    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags, int mode);

    [DllImport("libc")]
    private static extern nint write(int fd, byte[] buffer, nint count);

    [DllImport("libc")]
    private static extern int close(int fd);
#pragma warning restore SYSLIB1054
}
