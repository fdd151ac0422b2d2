using System.Text;
using Dapper;
using Oversight.Configuration;
using Oversight.Reports;
using Oversight.Warehouse;

namespace Oversight.Tests.Configuration;

/// <summary>The county folder (county-config beside the database): a county's seed rows replace the shipped rows of the
/// same key and every other row keeps its shipped value; templates and settings files are taken per file, the county's
/// first; new shipped defaults (an upgrade) never touch the county's file.</summary>
public sealed class CountyFolderTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string Db => _dir.File("w.duckdb");
    private string County => CountyFolder.BesideDatabase(Db);

    public void Dispose() => _dir.Dispose();

    private void WriteCountySeed(string name, params string[] lines)
    {
        var path = Path.Combine(County, "seeds", name + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
    }

    private static double Setting(DuckDB.NET.Data.DuckDBConnection c, string column) =>
        c.ExecuteScalar<double>($"SELECT {column} FROM core_setting");

    [Fact]
    public void A_countys_metric_setting_is_in_force_and_the_settings_it_did_not_copy_keep_their_shipped_values()
    {
        double shippedSatisfaction;
        using (var c = Database.OpenAndMigrate(Db))
        {
            Assert.Equal(40, Setting(c, "composite_weight_timeliness"));
            shippedSatisfaction = Setting(c, "composite_weight_satisfaction");
        }
        WriteCountySeed("metric_settings", "key,value,meaning", "composite_weight_timeliness,55,本县改为 55 分");

        using (var c = Database.OpenAndMigrate(Db))
        {
            Assert.Equal(55, Setting(c, "composite_weight_timeliness"));
            Assert.Equal(shippedSatisfaction, Setting(c, "composite_weight_satisfaction"));
            Assert.Equal(File.ReadAllLines(Path.Combine(SqlFiles.Root, "seeds", "metric_settings.csv")).Length - 1,
                c.ExecuteScalar<long>("SELECT count(*) FROM seed_metric_settings"));
        }

        // Edited again: the next open takes the new value; removed: the shipped value is back.
        WriteCountySeed("metric_settings", "key,value,meaning", "composite_weight_timeliness,35,本县改为 35 分");
        using (var c = Database.OpenAndMigrate(Db)) Assert.Equal(35, Setting(c, "composite_weight_timeliness"));
        File.Delete(Path.Combine(County, "seeds", "metric_settings.csv"));
        using (var c = Database.OpenAndMigrate(Db)) Assert.Equal(40, Setting(c, "composite_weight_timeliness"));
    }

    [Fact]
    public void A_misspelt_key_a_duplicate_a_word_for_a_number_or_another_header_is_refused_naming_file_row_and_column()
    {
        WriteCountySeed("metric_settings", "key,value,meaning", "composite_weight_timeliness,55,", "composite_weight_timelines,45,");
        var unknown = Assert.Throws<WarehouseException>(() => Database.OpenAndMigrate(Db).Dispose());
        Assert.Contains("本县设置文件夹中的 seeds/metric_settings.csv 第 3 行第 1 列（key）：程序没有“composite_weight_timelines”这一项", unknown.Message);

        WriteCountySeed("metric_settings", "key,value,meaning", "yellow_days_left,2,", "yellow_days_left,3,");
        Assert.Contains("第 3 行：“yellow_days_left”与第 2 行重复", Assert.Throws<WarehouseException>(() => Database.OpenAndMigrate(Db).Dispose()).Message);

        WriteCountySeed("inspection_settings", "key,value,label,meaning", "weight_center_flag,三成,,");
        WriteCountySeed("metric_settings", "key,value,meaning", "yellow_days_left,2,");
        var word = Assert.Throws<WarehouseException>(() => Database.OpenAndMigrate(Db).Dispose());
        Assert.Contains("seeds/inspection_settings.csv 第 2 行 value 列：“weight_center_flag”的值应为数字（程序自带的值为 0.30），实为“三成”", word.Message);

        WriteCountySeed("inspection_settings", "key,weight", "weight_center_flag,0.3");
        Assert.Contains("第 1 行（表头）应为“key,value,label,meaning”", Assert.Throws<WarehouseException>(() => Database.OpenAndMigrate(Db).Dispose()).Message);
    }

    [Fact]
    public void Templates_and_settings_come_from_the_county_folder_file_by_file_and_new_shipped_defaults_leave_the_countys_alone()
    {
        // Two versions of the shipped folder: before and after an upgrade.
        string Shipped(string version, string issuer)
        {
            var root = _dir.File("shipped-" + version);
            Directory.CreateDirectory(Path.Combine(root, "shared"));
            File.WriteAllText(Path.Combine(root, "main.md.sbn"), "{{ include 'shared/head.sbn' }}|{{ include 'shared/foot.sbn' }}");
            File.WriteAllText(Path.Combine(root, "shared", "head.sbn"), "自带页眉" + version);
            File.WriteAllText(Path.Combine(root, "shared", "foot.sbn"), "自带页脚" + version);
            File.WriteAllText(Path.Combine(root, "settings.json"), $"{{ \"issuer\": \"{issuer}\" }}");
            return root;
        }
        var county = new CountyFolder(County);
        Directory.CreateDirectory(Path.Combine(County, "report-templates", "shared"));
        var ownHead = Path.Combine(County, "report-templates", "shared", "head.sbn");
        File.WriteAllText(ownHead, "本县页眉");
        File.WriteAllText(Path.Combine(County, "report-templates", "settings.json"), "{ \"issuer\": \"本县纪检监察组\" }");

        foreach (var (version, shippedIssuer) in new[] { ("1", "自带单位一"), ("2", "自带单位二") })
        {
            var templates = county.Templates(Shipped(version, shippedIssuer));
            Assert.Equal($"本县页眉|自带页脚{version}", templates.Render("main.md.sbn", new { }, s => s));
            Assert.Equal("本县纪检监察组", ReportSettings.Load(templates).Issuer);
            Assert.True(templates.IsCountyCopy("settings.json"));
            Assert.False(templates.IsCountyCopy("main.md.sbn"));
        }
        Assert.Equal("本县页眉", File.ReadAllText(ownHead));

        // Missing from the county folder: the shipped file.
        File.Delete(Path.Combine(County, "report-templates", "settings.json"));
        Assert.Equal("自带单位二", ReportSettings.Load(county.Templates(_dir.File("shipped-2"))).Issuer);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // links
    public void A_link_out_of_the_county_folder_is_refused_for_seeds_and_templates()
    {
        var secret = _dir.File("secret.csv");
        File.WriteAllText(secret, "key,value,meaning\nyellow_days_left,9,\n");
        Directory.CreateDirectory(Path.Combine(County, "seeds"));
        File.CreateSymbolicLink(Path.Combine(County, "seeds", "metric_settings.csv"), secret);
        var seed = Assert.Throws<WarehouseException>(() => Database.OpenAndMigrate(Db).Dispose());
        Assert.Contains("本县设置文件夹中的 seeds/metric_settings.csv 被拒绝", seed.Message);

        Directory.CreateDirectory(Path.Combine(County, "report-templates"));
        File.CreateSymbolicLink(Path.Combine(County, "report-templates", "settings.json"), secret);
        Assert.Throws<ReportException>(() => ReportSettings.Load(new CountyFolder(County).Templates()));
    }

    [Fact]
    public void Init_copies_the_editable_defaults_and_keeps_a_file_the_county_has_edited()
    {
        var county = new CountyFolder(County);
        var first = county.Init(withTemplates: false);
        Assert.All(first, f => Assert.True(f.Written));
        Assert.Contains(first, f => f.File == Path.Combine("seeds", "metric_settings.csv"));
        Assert.Contains(first, f => f.File == Path.Combine("report-templates", "annual", "rules.json"));
        Assert.DoesNotContain(first, f => f.File.EndsWith(".sbn", StringComparison.Ordinal));
        Assert.DoesNotContain(first, f => f.File.Contains("enum_values", StringComparison.Ordinal));

        var settings = Path.Combine(County, "report-templates", "settings.json");
        File.WriteAllText(settings, "{ \"issuer\": \"本县改过\" }");
        var again = county.Init(withTemplates: true);
        Assert.Contains(again, f => f.File == Path.Combine("report-templates", "settings.json") && !f.Written);
        Assert.Contains(again, f => f.File.EndsWith(".sbn", StringComparison.Ordinal) && f.Written);
        Assert.Equal("{ \"issuer\": \"本县改过\" }", File.ReadAllText(settings));
        Assert.Contains(county.Effective(), f => f.File == Path.Combine("report-templates", "settings.json") && f.County);
    }

    [Fact]
    public void The_service_finds_the_county_folder_beside_its_database_and_reads_its_header_profiles_by_file()
    {
        var settings = new Oversight.Jobs.ServiceSettings { BaseDirectory = _dir.Path, Database = "./w.duckdb" };
        Assert.Equal(County, settings.County().Root);
        Assert.Equal(_dir.File("elsewhere"), (settings with { Config = "./elsewhere" }).County().Root);

        var shipped = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "profiles"), "*.json");
        var profiles = Path.Combine(County, "profiles");
        Directory.CreateDirectory(profiles);
        // Same name as a shipped profile: replaces it; another name: added.
        File.Copy(shipped[0], Path.Combine(profiles, Path.GetFileName(shipped[0])));
        Assert.Equal(shipped.Length, settings.LoadHeaderProfiles().Count);
        File.Copy(shipped[0], Path.Combine(profiles, "本县平台.json"));
        Assert.Equal(shipped.Length + 1, settings.LoadHeaderProfiles().Count);
    }
}
