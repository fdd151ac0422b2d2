using Oversight.Warehouse;

namespace Oversight.Tests.Warehouse;

/// <summary>The marts read once per connection as temporary tables: a cache opened inside another shares it, and only
/// the outermost one, when disposed, hands the connection back to the views.</summary>
public class MartCacheTests
{
    private static long TempTables(TestWarehouse w) =>
        w.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name IN ('core_case', 'mart_period_center', 'mart_month_backfill')");

    [Fact]
    public void A_cache_opened_inside_another_shares_it_and_the_outer_one_drops_the_tables()
    {
        using var w = new TestWarehouse();
        Assert.Equal(0, TempTables(w));
        using (MartCache.Materialize(w.Connection))
        {
            Assert.Equal(3, TempTables(w));
            using (MartCache.Materialize(w.Connection)) Assert.Equal(3, TempTables(w));
            Assert.Equal(3, TempTables(w)); // the inner one leaves the outer's tables in place
        }
        Assert.Equal(0, TempTables(w));

        // And a new cache after that builds them again.
        using (MartCache.Materialize(w.Connection)) Assert.Equal(3, TempTables(w));
        Assert.Equal(0, TempTables(w));
    }

    [Fact]
    public void A_cache_on_one_connection_is_not_shared_with_another()
    {
        using var a = new TestWarehouse();
        using var b = new TestWarehouse();
        using var cache = MartCache.Materialize(a.Connection);
        using (MartCache.Materialize(b.Connection)) Assert.Equal(3, TempTables(b));
        Assert.Equal(0, TempTables(b));
        Assert.Equal(3, TempTables(a));
    }
}
