using System.Data.Common;
using DuckDB.NET.Data;

namespace Oversight.Warehouse;

/// <summary>
/// Ad-hoc SQL that can only read the warehouse. The database is opened read-only, and before the user's SQL runs the
/// connection loses file access (<c>enable_external_access = false</c>: no read_text/read_csv, COPY … TO, ATTACH of
/// files, INSTALL/LOAD) and its configuration is locked (<c>lock_configuration = true</c>: no SET, RESET or PRAGMA that
/// changes a setting, so neither can be undone). Without this, a query could print the key file beside the database
/// or write files anywhere the process can. Mistakes in the SQL are the user's, reported in Chinese.
/// </summary>
public sealed class ReadOnlyQuery : IDisposable
{
    private readonly DuckDBConnection _connection;
    private DuckDBCommand? _command;

    public ReadOnlyQuery(string db)
    {
        _connection = Database.Open(db, readOnly: true);
        try
        {
            using var lockDown = _connection.CreateCommand();
            lockDown.CommandText = "SET enable_external_access = false; SET lock_configuration = true;";
            lockDown.ExecuteNonQuery();
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs the SQL (once per instance); the reader is the caller's to dispose.</summary>
    public DbDataReader Execute(string sql)
    {
        if (_command is not null) throw new InvalidOperationException("One query per ReadOnlyQuery.");
        _command = _connection.CreateCommand();
        _command.CommandText = sql;
        try
        {
            return _command.ExecuteReader();
        }
        catch (DuckDBException ex)
        {
            throw Explain(ex);
        }
    }

    /// <summary>DuckDB's message wrapped in a Chinese sentence that says what kind of mistake it is.</summary>
    public static WarehouseException Explain(DuckDBException ex)
    {
        var message = ex.Message.Trim();
        var what = message switch
        {
            _ when Has(message, "configuration has been locked") || Has(message, "lock_configuration") =>
                "查询不能更改数据库设置（SET、RESET、PRAGMA 等）",
            _ when Has(message, "Permission Error") || Has(message, "disabled through configuration") || Has(message, "external access") =>
                "查询只能读取仓库中的数据，不能读写文件、连接其他数据库或安装、加载扩展",
            _ when Has(message, "read-only") || Has(message, "read only") =>
                "查询是只读的，不能修改数据或表结构（INSERT、UPDATE、DELETE、CREATE 等）",
            _ when Has(message, "Parser Error") => "查询语句有语法错误，请检查拼写、引号和逗号",
            _ when Has(message, "Catalog Error") => "查询用到的表、视图、列或函数不存在（可查询的视图在 api 下，如 api.cases、api.rejects）",
            _ when Has(message, "Binder Error") => "查询语句中的列名或写法有误（可查询的视图在 api 下，如 api.cases、api.rejects）",
            _ when Has(message, "Out of Memory") =>
                $"查询所需内存超过上限（{Database.MemoryLimit}，可用环境变量 OVERSIGHT_MEMORY_LIMIT 调整），请缩小查询范围（加 WHERE 条件或 LIMIT）",
            _ when Has(message, "Conversion Error") || Has(message, "Invalid Input Error") => "查询中的数据类型转换或取值有误",
            _ => "查询未能执行",
        };
        return new WarehouseException($"{what}。DuckDB 的原始说明：{FirstLines(message)}", ex);
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    /// <summary>DuckDB appends the statement with a caret under the error, which is noise in a terminal line.</summary>
    private static string FirstLines(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', lines.TakeWhile(l => !l.StartsWith("LINE ", StringComparison.Ordinal)).Take(3));
    }

    public void Dispose()
    {
        _command?.Dispose();
        _connection.Dispose();
    }
}
