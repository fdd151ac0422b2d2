using System.Text;
using Oversight.Ingest;

namespace Oversight.Tests.Ingest;

public sealed class TextCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oversight-textcsv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Decode(string path, out TextCsv csv)
    {
        csv = TextCsv.Open(path, _dir);
        return File.ReadAllText(csv.Path, new UTF8Encoding(false, throwOnInvalidBytes: true));
    }

    [Fact]
    public void Records_are_numbered_as_the_file_counts_them_with_blank_lines_counted_and_dropped()
    {
        var text = "\uFEFFa,b\r\n1,\"x\r\ny\"\r\n\r\n\n2,\"say \"\"hi\"\", ok\"\r\n3,z";
        var path = Write("cases.csv", Encoding.UTF8.GetBytes(text));

        var output = Decode(path, out var csv);

        using (csv)
        {
            Assert.Equal("utf-8", csv.Encoding);
            // Record 2 spans two lines; lines 4 and 5 are blank, so the next records are 5 and 6. Line ends become LF
            // except inside quotes.
            Assert.Equal("row_no,a,b\n2,1,\"x\r\ny\"\n5,2,\"say \"\"hi\"\", ok\"\n6,3,z", output);
        }
    }

    [Fact]
    public void Chinese_text_split_across_read_buffers_is_copied_byte_for_byte()
    {
        // Three-byte characters after a one-byte offset never align with the 1 MiB read buffer.
        var line = "x,南江县长赤镇便民服务中心承诺件已办结\n";
        var body = new StringBuilder("h,v\n");
        var lineBytes = Encoding.UTF8.GetByteCount(line);
        for (var bytes = 4; bytes < 3 << 20; bytes += lineBytes) body.Append(line); // counted as it grows: re-encoding 3 MiB per line took minutes
        var path = Write("cases.csv", Encoding.UTF8.GetBytes(body.ToString()));

        var output = Decode(path, out var csv);

        using (csv)
        {
            Assert.Equal("utf-8", csv.Encoding);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(body.ToString().Count(c => c == '\n'), lines.Length);
            Assert.Equal("row_no,h,v", lines[0]);
            Assert.All(lines.Skip(1).Select((l, i) => (l, i)), x => Assert.Equal($"{x.i + 2},{line.TrimEnd('\n')}", x.l));
        }
    }

    [Fact]
    public void Gb18030_text_is_detected_and_written_as_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "中心编码,中心名称\n511922001,集州街道便民服务中心\n";
        var path = Write("centers.csv", Encoding.GetEncoding("GB18030").GetBytes(text));

        var output = Decode(path, out var csv);

        using (csv)
        {
            Assert.Equal("gb18030", csv.Encoding);
            Assert.Equal("row_no,中心编码,中心名称\n2,511922001,集州街道便民服务中心\n", output);
        }
    }

    [Fact]
    public void A_utf8_file_cut_inside_a_character_is_not_taken_for_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,南");
        var path = Write("cases.csv", bytes[..^2]); // the last character keeps only its first byte

        var ex = Record.Exception(() => Decode(path, out var csv).Length);

        // GB18030 cannot read the broken tail either, so the whole file is set aside with its reason.
        Assert.Contains("无法识别文件编码", Assert.IsType<FileSetAside>(ex).Message);
    }
}
