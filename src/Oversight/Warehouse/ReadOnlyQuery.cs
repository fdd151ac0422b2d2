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
                Messages.QueryChangesSettings,
            _ when Has(message, "Permission Error") || Has(message, "disabled through configuration") || Has(message, "external access") =>
                Messages.QueryOutsideWarehouse,
            _ when Has(message, "read-only") || Has(message, "read only") =>
                Messages.QueryWrites,
            _ when Has(message, "Parser Error") => Messages.QuerySyntax,
            _ when Has(message, "Catalog Error") => Messages.QueryUnknownName,
            _ when Has(message, "Binder Error") => Messages.QueryBinder,
            _ when Has(message, "Out of Memory") =>
                Messages.QueryOutOfMemory(Database.MemoryLimit),
            _ when Has(message, "Conversion Error") || Has(message, "Invalid Input Error") => Messages.QueryConversion,
            _ => Messages.QueryFailed,
        };
        return new WarehouseException(Messages.QueryError(what, FirstLines(message)), ex);
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
