using System.Diagnostics;
using System.Security.Cryptography;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Privacy;

namespace Oversight.Ingest;

/// <summary>
/// Loads every file in an inbox: reference feeds before fact feeds, one transaction per file with its
/// sha256 recorded in the same transaction (atomic, and idempotent per content). Files are moved to the
/// archive or, with a .reason.txt, to quarantine only after their transaction commits.
/// </summary>
public sealed class Ingestor
{
    private readonly DuckDBConnection _connection;

    public Ingestor(DuckDBConnection connection, byte[] key)
    {
        _connection = connection;
        new PersonalData(key).Register(connection);
    }

    public IngestReport Run(IngestOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(options.InboxDir))
            throw new Warehouse.WarehouseException($"收件目录不存在：{Path.GetFullPath(options.InboxDir)}");
        var clock = Stopwatch.StartNew();
        var runId = _connection.ExecuteScalar<long>("SELECT nextval('seq_load_run')");
        _connection.Execute("INSERT INTO load_run (run_id, started_at) VALUES ($id, now()::TIMESTAMP)", new { id = runId });

        var files = InboxFiles(options.InboxDir);
        var outcomes = new List<FileOutcome>();
        var warnings = new List<string>();
        var tempDir = Directory.CreateTempSubdirectory("oversight-ingest-").FullName;
        // Staged and core rows carry their own keys and row numbers, and every reader sorts or aggregates, so
        // DuckDB may write them in any order: that spreads large inserts over all cores (the upsert of 1M cases
        // takes 4.5 s instead of 8 s). Reset afterwards, outside any transaction, for whatever else uses the connection.
        _connection.Execute("SET preserve_insertion_order = false");
        try
        {
            foreach (var (file, index) in files.Select((f, i) => (f, i)))
            {
                if (ct.IsCancellationRequested) break;
                progress?.Report($"[{index + 1}/{files.Count}] {Path.GetFileName(file)}");
                var outcome = LoadFile(file, runId, options, tempDir, warnings);
                outcomes.Add(outcome);
                MoveAway(file, outcome, options);
            }
        }
        finally
        {
            _connection.Execute("RESET preserve_insertion_order");
            Directory.Delete(tempDir, recursive: true);
        }

        foreach (var year in _connection.Query<int>("SELECT year FROM core_calendar_gaps"))
            warnings.Add($"{year} 年没有节假日日历（官方日历或“日历”表），该年按周一至周五计算工作日，请报送该年的日历。");

        var report = new IngestReport(runId, outcomes,
            outcomes.Sum(o => o.RowsLoaded), outcomes.Sum(o => o.RowsRejected), clock.Elapsed, warnings);
        _connection.Execute("""
            UPDATE load_run SET finished_at = now()::TIMESTAMP, files_seen = $seen, files_loaded = $loaded,
                files_set_aside = $aside, rows_loaded = $rows, rows_rejected = $rejected, duration_ms = $ms, outcome = $outcome
            WHERE run_id = $id
            """, new
        {
            id = runId, seen = outcomes.Count,
            loaded = outcomes.Count(o => o.Outcome == Outcomes.Loaded),
            aside = outcomes.Count(o => o.Outcome == Outcomes.SetAside),
            rows = report.RowsLoaded, rejected = report.RowsRejected, ms = (long)clock.Elapsed.TotalMilliseconds,
            outcome = ct.IsCancellationRequested ? "已中止" : outcomes.Any(o => o.Outcome == Outcomes.SetAside) ? "部分文件被搁置" : "成功",
        });
        return report;
    }

    /// <summary>Top-level files of the inbox in load order: reference feeds first, then by name.</summary>
    public static IReadOnlyList<string> InboxFiles(string inbox) =>
        Directory.GetFiles(inbox)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith("~$")
                        && !f.EndsWith(".reason.txt", StringComparison.Ordinal))
            .OrderBy(f => Feed.ForFileName(f)?.Order ?? -1)
            .ThenBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();

    private FileOutcome LoadFile(string file, long runId, IngestOptions options, string tempDir, List<string> warnings)
    {
        var name = Path.GetFileName(file);
        var feed = Feed.ForFileName(name);
        // Taken before decoding: taking it commits, and a commit syncs to disk, which just after decoding means
        // waiting for the whole decoded copy to be written out (2.2 s for 10M cases). Later, that has happened in
        // the background. A file found to be a duplicate leaves a gap in the numbers, which is harmless.
        var fileId = _connection.ExecuteScalar<long>("SELECT nextval('seq_load_file')");
        // Hashing and decoding each read the whole file, so they run side by side (2 s of a 10M-case load); the
        // decoded copy is dropped if the hash shows the content was seen before.
        var hashing = Task.Run(() => Sha256(file));
        FileSetAside? unreadable = null;
        using var csv = feed is null ? null : Decode(file, tempDir, out unreadable);
        var sha = hashing.GetAwaiter().GetResult();
        var earlier = _connection.QueryFirstOrDefault<(string Outcome, string? Reason, string? Feed)?>(
            "SELECT outcome, reason, feed FROM load_file WHERE sha256 = $sha", new { sha });
        if (earlier is { } e)
        {
            // Same content seen before: nothing changes. A set-aside file goes back to quarantine.
            return e.Outcome == Outcomes.SetAside
                ? new FileOutcome(name, e.Feed, Outcomes.SetAside, 0, 0, e.Reason)
                : new FileOutcome(name, e.Feed, Outcomes.Duplicate, 0, 0, "与已导入的文件内容完全相同，未重复导入。");
        }

        try
        {
            if (feed is null)
                throw new FileSetAside("无法从文件名识别数据表：文件名应以表名开头（如 cases_20261123.csv 或 办件_20261123.csv），" +
                                       $"可用表名：{string.Join("、", Feed.All.Select(f => $"{f.Name}/{f.ChineseName}"))}。");
            if (csv is null) throw unreadable!;
            var map = ColumnMap.Find(feed, csv.Path, options.Profiles, csv.CellIssues);
            var result = FeedLoader.Stage(_connection, feed, map, csv, fileId, name, options.RejectThreshold);
            using var tx = _connection.BeginTransaction();
            FeedLoader.Apply(_connection, tx, result);
            var loaded = result.OverThreshold ? 0 : result.RowsRead - result.RowsRejected;
            string? reason = null;
            if (result.OverThreshold)
                reason = $"被拒绝的行过多：{result.RowsRejected} / {result.RowsRead} 行（超过 {options.RejectThreshold:P0}），" +
                         "判定为导出错误，整个文件未导入。各行原因见拒绝记录（api.rejects）。";
            var notes = map.Notes.ToList();
            if (map.UnknownHeaders.Count > 0)
                notes.Add(("unknown_columns", $"以下列不在接口规范内，已忽略：{string.Join("、", map.UnknownHeaders)}"));
            foreach (var (kind, text) in notes)
            {
                var note = $"{name}：{text}";
                warnings.Add(note);
                _connection.Execute("INSERT INTO load_note VALUES ($f, $r, $k, $m, now()::TIMESTAMP)",
                    new { f = fileId, r = runId, k = kind, m = note }, tx);
            }
            RecordFile(tx, fileId, runId, name, sha, feed.Name, csv.Format, csv.Encoding, result.RowsRead, loaded,
                result.RowsRejected, result.OverThreshold ? Outcomes.SetAside : Outcomes.Loaded, reason);
            tx.Commit();
            FeedLoader.Clear(_connection);
            return new FileOutcome(name, feed.Name, result.OverThreshold ? Outcomes.SetAside : Outcomes.Loaded,
                loaded, result.RowsRejected, reason);
        }
        catch (FileSetAside ex)
        {
            FeedLoader.Clear(_connection);
            using var tx = _connection.BeginTransaction();
            RecordFile(tx, fileId, runId, name, sha, feed?.Name, null, null, 0, 0, 0, Outcomes.SetAside, ex.Message);
            tx.Commit();
            return new FileOutcome(name, feed?.Name, Outcomes.SetAside, 0, 0, ex.Message);
        }
    }

    /// <summary>The decoded file, or null and why it cannot be read.</summary>
    private static TextCsv? Decode(string file, string tempDir, out FileSetAside? unreadable)
    {
        unreadable = null;
        try
        {
            return TextCsv.Open(file, tempDir);
        }
        catch (FileSetAside ex)
        {
            unreadable = ex;
            return null;
        }
    }

    private void RecordFile(DuckDBTransaction tx, long fileId, long runId, string name, string sha, string? feed,
        string? format, string? encoding, long read, long loaded, long rejected, string outcome, string? reason) =>
        _connection.Execute("""
            INSERT INTO load_file (file_id, run_id, file_name, sha256, feed, format, encoding, rows_read, rows_loaded,
                                   rows_rejected, outcome, reason, loaded_at)
            VALUES ($fileId, $runId, $name, $sha, $feed, $format, $encoding, $read, $loaded, $rejected, $outcome, $reason, now()::TIMESTAMP)
            """, new { fileId, runId, name, sha, feed, format, encoding, read, loaded, rejected, outcome, reason }, tx);

    private static void MoveAway(string file, FileOutcome outcome, IngestOptions options)
    {
        var setAside = outcome.Outcome == Outcomes.SetAside;
        var dir = setAside ? options.QuarantineDir : options.ArchiveDir;
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, Path.GetFileName(file));
        for (var n = 1; File.Exists(target); n++)
            target = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(file)}.{n}{Path.GetExtension(file)}");
        File.Move(file, target);
        if (setAside) File.WriteAllText(target + ".reason.txt", $"文件：{outcome.FileName}\n搁置原因：{outcome.Reason}\n");
    }

    /// <summary>In 1 MiB reads: SHA256.HashData(Stream) reads in small blocks and takes 1.4x as long.</summary>
    private static string Sha256(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer)) > 0) sha.AppendData(buffer, 0, read);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
