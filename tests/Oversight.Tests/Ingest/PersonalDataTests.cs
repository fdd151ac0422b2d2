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
        // Outside tools see the hash as lowercase hex, the same as HMAC-SHA256 under the deployment key.
        var personalData = new PersonalData(KeyFile.Load(w.DbPath));
        Assert.Equal((personalData.Hash(id), personalData.Hash(phone)),
            w.Query<(string, string)>("SELECT applicant_id_hash, applicant_phone_hash FROM api.cases").Single());
        Assert.Equal(personalData.Hash(phone), w.Scalar<string>("SELECT phone_hash FROM api.callbacks"));

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
        // Up to 12 bytes DuckDB keeps a string inline, longer ones behind a pointer: both forms, and the empty one.
        foreach (var value in new[] { "13987654321", "51192219850317423X", "张三", "", "张三李四王五赵六" })
            Assert.Equal(pd.Hash(value), w.Scalar<string>($"SELECT hash_hex(pii_hash('{value}'))"));
        Assert.Null(w.Scalar<string?>("SELECT pii_hash(NULL)"));
        Assert.Equal(32, w.Scalar<int>("SELECT octet_length(pii_hash('13987654321'))"));
    }

    [Fact]
    public void The_sql_hash_is_right_for_every_row_of_a_column_across_many_vectors()
    {
        using var w = new TestWarehouse();
        var pd = new Oversight.Privacy.PersonalData(Oversight.Privacy.KeyFile.Load(w.DbPath));
        pd.Register(w.Connection);
        var rows = w.Query<(string? Value, string? Hash)>("""
            SELECT v, hash_hex(pii_hash(v)) FROM (
                SELECT CASE WHEN i % 7 = 0 THEN NULL WHEN i % 2 = 0 THEN '139' || lpad(CAST(i AS VARCHAR), 8, '0')
                            ELSE '5119221985' || lpad(CAST(i AS VARCHAR), 8, '0') END AS v
                FROM range(10000) AS t(i))
            """).ToList();
        Assert.Equal(10000, rows.Count);
        foreach (var (value, hash) in rows)
            Assert.Equal(value is null ? null : pd.Hash(value), hash);
    }
}
