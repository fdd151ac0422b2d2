using System.Text;
using Oversight.Privacy;

namespace Oversight.Tests.Ingest;

public class PersonalDataTests
{
    [Fact]
    public void Phone_and_id_numbers_never_reach_the_database_file_in_clear()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        const string id = "51192219850317423X";
        const string phone = "13987654321";
        w.WriteCsv("cases.csv", $"case_id,center_code,window_code,item_code,case_type,accepted_at,status,applicant_id,applicant_phone\nC1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中,{id},{phone}\n");
        w.WriteCsv("callbacks.csv", $"callback_id,case_id,method,called_at,reached,rating,phone\nB1,C1,电话回访,2026-03-06 10:00,是,满意,+86 139-8765-4321\n");
        w.Ingest();

        Assert.Equal(("511922********423X", "139****4321"),
            w.Query<(string, string)>("SELECT applicant_id_masked, applicant_phone_masked FROM fct_case").Single());
        // The callback number, written differently, links to the applicant's by its keyed hash.
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM fct_case c JOIN fct_callback b ON b.phone_hash = c.applicant_phone_hash"));

        w.Close();
        var bytes = File.ReadAllBytes(w.DbPath);
        foreach (var secret in new[] { id, phone, "13987654321" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(secret[..^1])));
        }
        Assert.Equal(-1, bytes.AsSpan().IndexOf(File.ReadAllBytes(KeyFile.PathFor(w.DbPath))));
        w.Reopen();
    }

    [Fact]
    public void The_hash_is_keyed_so_another_deployment_cannot_link_the_same_number()
    {
        var a = new PersonalData(new byte[32]);
        var b = new PersonalData(Enumerable.Repeat((byte)1, 32).ToArray());
        Assert.NotEqual(a.Hash("13987654321"), b.Hash("13987654321"));
        Assert.Equal(64, a.Hash("13987654321").Length);
    }

    [Fact]
    public void The_key_file_is_created_beside_the_database_readable_by_its_owner_only()
    {
        using var dir = new TempDir();
        var db = dir.File("w.duckdb");
        var path = KeyFile.EnsureExists(db);
        Assert.Equal(db + ".key", path);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var key = KeyFile.Load(db);
        Assert.Equal(32, key.Length);
        Assert.Equal(path, KeyFile.EnsureExists(db));
        Assert.Equal(key, KeyFile.Load(db)); // init again keeps the key: hashes stay linkable
    }
}

public class SqlHashTests
{
    [Fact]
    public void The_sql_hash_equals_dotnet_hmac_sha256_for_chinese_and_ascii_values()
    {
        using var w = new TestWarehouse();
        var key = Oversight.Privacy.KeyFile.Load(w.DbPath);
        var pd = new Oversight.Privacy.PersonalData(key);
        pd.Register(w.Connection);
        foreach (var value in new[] { "13987654321", "51192219850317423X", "张三", "" })
            Assert.Equal(pd.Hash(value), w.Scalar<string>($"SELECT pii_hash('{value}')"));
        Assert.Null(w.Scalar<string?>("SELECT pii_hash(NULL)"));
    }
}
