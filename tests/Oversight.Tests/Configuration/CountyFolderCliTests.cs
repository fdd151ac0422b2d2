using Dapper;
using Oversight.Warehouse;

namespace Oversight.Tests.Configuration;

/// <summary>Through the real program: `config init` copies the defaults beside the database, a county's edit there
/// changes the briefing, `--config` chooses another folder, a file removed falls back to the shipped one, and the issued
/// briefing records the county files in force.</summary>
public sealed class CountyFolderCliTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Db => _dir.File("w.duckdb");
    private string Out => _dir.File("out");

    public CountyFolderCliTests() => OneMarchWarehouse.Build(_dir);

    public void Dispose() => _dir.Dispose();

    private string Briefing(params string[] extra)
    {
        var result = CliProcess.Run(["report", "monthly", "--db", Db, "--month", "2026-03", "--out", Out, "--no-pdf", .. extra]);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        var md = Directory.GetFiles(Out, "*.md").Single(f => !Path.GetFileName(f).StartsWith("乡镇", StringComparison.Ordinal));
        var text = File.ReadAllText(md);
        Directory.Delete(Out, recursive: true);
        return text;
    }

    [Fact]
    public void A_county_edit_in_the_folder_changes_the_briefing_a_removed_file_falls_back_and_the_issue_records_the_files()
    {
        var init = CliProcess.Run(["config", "init", "--db", Db]);
        Assert.True(init.ExitCode == 0, init.StdOut + init.StdErr);
        var county = Path.Combine(_dir.Path, "county-config");
        Assert.Contains($"本县设置文件夹：{county}", init.StdOut);
        Assert.Contains("已复制：report-templates/settings.json", init.StdOut);
        Assert.Contains("已复制：seeds/metric_settings.csv", init.StdOut);

        var settings = Path.Combine(county, "report-templates", "settings.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"county_name\": \"\"", "\"county_name\": \"样例县\"", StringComparison.Ordinal));
        Assert.Contains("样例县", Briefing());

        var show = CliProcess.Run(["config", "show", "--db", Db]);
        Assert.Contains("本县  report-templates/settings.json", show.StdOut);
        Assert.Contains("自带  report-templates/monthly/briefing.md.sbn", show.StdOut);

        // Run again (as after an upgrade): the county's edit stays.
        var again = CliProcess.Run(["config", "init", "--db", Db]);
        Assert.Contains("已存在，保留本县的文件：report-templates/settings.json", again.StdOut);
        Assert.Contains("样例县", File.ReadAllText(settings));

        // Another folder chosen with --config: it has no settings.json, so the shipped one (no county name) is used.
        var other = _dir.File("other-config");
        Directory.CreateDirectory(other);
        Assert.DoesNotContain("样例县", Briefing("--config", other));

        // Issued: the document records the county folder and the hash of its settings.json.
        var issued = CliProcess.Run(["report", "monthly", "--db", Db, "--month", "2026-03", "--out", Out, "--no-pdf", "--issue"]);
        Assert.True(issued.ExitCode == 0, issued.StdOut + issued.StdErr);
        using (var c = Database.Open(Db, readOnly: true))
        {
            var json = c.ExecuteScalar<string>("SELECT settings_json FROM briefing_number ORDER BY assigned_at DESC LIMIT 1");
            Assert.Contains(county, json);
            Assert.Contains("\"report-templates/settings.json\":\"" + Sha256(settings) + "\"", json);
            Assert.Contains("\"county\":\"样例县\"", json);
        }

        // Issued again with --config: the warehouse is opened with that folder, its seed copy is in force and the
        // document records that folder, not the one beside the database.
        Directory.CreateDirectory(Path.Combine(other, "seeds"));
        File.WriteAllText(Path.Combine(other, "seeds", "metric_settings.csv"), "key,value,meaning\ncomposite_weight_timeliness,55,本县改为 55 分\n");
        Directory.Delete(Out, recursive: true);
        var elsewhere = CliProcess.Run(["report", "monthly", "--db", Db, "--month", "2026-03", "--out", Out, "--no-pdf", "--issue", "--config", other]);
        Assert.True(elsewhere.ExitCode == 0, elsewhere.StdOut + elsewhere.StdErr);
        using (var c = Database.Open(Db, readOnly: true))
        {
            var json = c.ExecuteScalar<string>("SELECT settings_json FROM briefing_number ORDER BY assigned_at DESC LIMIT 1");
            Assert.Contains($"\"path\":\"{other}\"", json);
            Assert.DoesNotContain(county, json);
            Assert.Contains("\"seeds/metric_settings.csv\":\"" + Sha256(Path.Combine(other, "seeds", "metric_settings.csv")) + "\"", json);
            Assert.Matches("\"composite_weight_timeliness\":\"55(\\.0+)?\"", json);
        }

        Directory.Delete(Out, recursive: true);
        File.Delete(settings);
        Assert.DoesNotContain("样例县", Briefing());
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
