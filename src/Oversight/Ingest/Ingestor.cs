using System.Diagnostics;
using System.Security.Cryptography;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Privacy;

namespace Oversight.Ingest;

/// <summary>
/// Loads every file in an inbox: reference feeds before fact feeds, one transaction per file with its
/// sha256 recorded in the same transaction (atomic, and idempotent per content). Files are moved to the
/// archive or, with a .reason.txt, to quarantine only after their transaction commits, and only if they are
/// unchanged since they were found settled. A file that cannot be read is set aside or skipped with its reason;
/// the night goes on. A machine fault stops the night and blames no file.
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
            throw new Warehouse.WarehouseException(Messages.InboxMissing(Path.GetFullPath(options.InboxDir)));
        var clock = Stopwatch.StartNew();
        var runId = _connection.ExecuteScalar<long>("SELECT nextval('seq_load_run')");
        _connection.Execute("INSERT INTO load_run (run_id, started_at) VALUES ($id, now()::TIMESTAMP)", new { id = runId });

        var decodeDir = DecodeFolder.Prepare(options.DecodeDir ?? DecodeFolder.BesideDatabase(_connection));
        var outcomes = new List<FileOutcome>(NotLoadable(options));
        var warnings = new List<string>();
        outcomes.AddRange(InboxNames.Repair(options.InboxDir, options.QuarantineDir, warnings));
        var files = InboxFiles(options.InboxDir);
        var order = InboxOrder.Describe(files);
        var settled = Settle(files, options, outcomes, progress, ct);
        // Staged and core rows carry their own keys and row numbers, and every reader sorts or aggregates, so
        // DuckDB may write them in any order: that spreads large inserts over all cores (the upsert of 1M cases
        // takes 4.5 s instead of 8 s). Reset afterwards, outside any transaction, for whatever else uses the connection.
        _connection.Execute("SET preserve_insertion_order = false");
        try
        {
            var toLoad = files.Where(settled.ContainsKey).ToList();
            foreach (var (file, index) in toLoad.Select((f, i) => (f, i)))
            {
                if (ct.IsCancellationRequested) break;
                progress?.Report($"[{index + 1}/{toLoad.Count}] {FreeTextMask.FileName(file)}");
                outcomes.Add(LoadOne(file, settled[file], runId, options, decodeDir, warnings));
            }
        }
        finally
        {
            DecodeFolder.Empty(decodeDir);
            try { _connection.Execute("RESET preserve_insertion_order"); }
            catch (DuckDBException) { } // only when the database failed, which the run reports
        }

        foreach (var year in _connection.Query<int>("SELECT year FROM core_calendar_gaps"))
            warnings.Add(Messages.CalendarMissing(year));
        // Versions the upsert steps kept out: equal updated_at with other content, and older exports that would reopen.
        warnings.AddRange(_connection.Query<string>(
            "SELECT message FROM load_note WHERE run_id = $id AND kind IN ('conflict', 'not_backwards') ORDER BY file_id, kind", new { id = runId }));

        var report = new IngestReport(runId, outcomes,
            outcomes.Sum(o => o.RowsLoaded), outcomes.Sum(o => o.RowsRejected), clock.Elapsed, warnings) { Order = order };
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
            outcome = ct.IsCancellationRequested ? Messages.RunCancelled : outcomes.Any(o => o.Outcome == Outcomes.SetAside) ? Messages.RunPartlySetAside : Messages.RunSucceeded,
        });
        return report;
    }

    /// <summary>Folders and files that are not loaded by design, listed so the sender sees them.</summary>
    private static IEnumerable<FileOutcome> NotLoadable(IngestOptions options)
    {
        var own = new[] { options.ArchiveDir, options.QuarantineDir }.Select(d => Path.GetFullPath(d).TrimEnd(Path.DirectorySeparatorChar)).ToHashSet();
        foreach (var dir in Directory.GetDirectories(options.InboxDir).Order(StringComparer.Ordinal))
            if (!own.Contains(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar)))
                yield return Skipped(Path.GetFileName(dir) + "/", InboxEntry.Explain(EntryKind.Directory));
        foreach (var file in Directory.GetFiles(options.InboxDir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("~$", StringComparison.Ordinal))
                yield return Skipped(name, Messages.ExcelLockFile);
            else if (name.StartsWith('.'))
                yield return Skipped(name, Messages.HiddenFile);
            else if (name.EndsWith(".reason.txt", StringComparison.Ordinal))
                yield return Skipped(name, Messages.ReasonFileSkipped);
        }
    }

    private static FileOutcome Skipped(string name, string reason) => new(name, null, Outcomes.Skipped, 0, 0, reason);

    /// <summary>Size and modification time: a file still being written changes one of them.</summary>
    private readonly record struct Stamp(long Length, DateTime Modified)
    {
        public static Stamp? Of(string file)
        {
            var info = new FileInfo(file);
            return info.Exists ? new Stamp(info.Length, info.LastWriteTimeUtc) : null;
        }
    }

    /// <summary>The files stable for the settle interval, with their stamp. Files modified within it are watched (the
    /// run waits until each has been unchanged that long, at most the interval); one that changes meanwhile is left
    /// for the next run. Non-regular entries pass through: they are set aside without being opened.</summary>
    private static Dictionary<string, Stamp?> Settle(IReadOnlyList<string> files, IngestOptions options, List<FileOutcome> outcomes,
        IProgress<string>? progress, CancellationToken ct)
    {
        var first = files.ToDictionary(f => f, f => InboxEntry.KindOf(f, options.InboxDir) == EntryKind.Regular ? Stamp.Of(f) : null);
        var settle = TimeSpan.FromSeconds(Math.Max(0, options.SettleSeconds));
        var now = DateTime.UtcNow;
        var young = first.Where(p => p.Value is { } s && now - s.Modified < settle).Select(p => p.Key).ToList();
        if (young.Count > 0)
        {
            var wait = young.Max(f => Min(settle - (now - first[f]!.Value.Modified), settle));
            progress?.Report(Messages.WaitingForWrites(young.Count, (int)Math.Ceiling(wait.TotalSeconds)));
            ct.WaitHandle.WaitOne(wait);
            foreach (var file in young)
            {
                var again = Stamp.Of(file);
                if (again == first[file]) continue;
                first.Remove(file);
                outcomes.Add(again is null
                    ? Skipped(Path.GetFileName(file), InboxEntry.Explain(EntryKind.Missing))
                    : new FileOutcome(Path.GetFileName(file), Feed.ForFileName(file)?.Name, Outcomes.Waiting, 0, 0,
                        Messages.StillBeingWritten(settle)));
            }
        }
        return first;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Loads one file whatever it turns out to be: a file that cannot be read is set aside or skipped
    /// with its reason. A machine fault (disk full, out of memory, I/O error) stops the night instead, leaving the
    /// file in the inbox. A file that changed while it was read stays in the inbox.</summary>
    private FileOutcome LoadOne(string file, Stamp? stamp, long runId, IngestOptions options, string decodeDir, List<string> warnings)
    {
        var name = FreeTextMask.FileName(file);
        var kind = InboxEntry.KindOf(file, options.InboxDir);
        if (kind == EntryKind.Missing) return Skipped(name, InboxEntry.Explain(kind));
        if (kind != EntryKind.Regular)
        {
            var special = new FileOutcome(name, Feed.ForFileName(name)?.Name, Outcomes.SetAside, 0, 0, InboxEntry.Explain(kind));
            return MoveAway(file, special, options);
        }
        FileOutcome outcome;
        try
        {
            var (loaded, sha, after) = LoadFile(file, runId, options, decodeDir, warnings);
            outcome = loaded;
            if (!Path.Exists(file))
                return outcome with { Reason = Messages.NotArchived(outcome.Reason) };
            if (!Unchanged(file, stamp, sha, after))
                return outcome with
                {
                    Outcome = Outcomes.Waiting,
                    Reason = Messages.ChangedWhileLoading(outcome.Outcome == Outcomes.Loaded ? outcome.RowsLoaded : null),
                };
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Skipped(name, InboxEntry.Explain(EntryKind.Missing));
        }
        catch (UnauthorizedAccessException)
        {
            outcome = new FileOutcome(name, Feed.ForFileName(name)?.Name, Outcomes.SetAside, 0, 0,
                Messages.NoReadPermission);
        }
        catch (Exception ex) when (LoadErrors.MachineCause(ex) is { } cause)
        {
            // Disk full, out of memory, an I/O error: every later file would fail too, and this one is not at fault.
            throw LoadErrors.Stopped(name, writingDatabase: ex is DuckDBException, cause, ex);
        }
        finally
        {
            DecodeFolder.Empty(decodeDir);
            try { FeedLoader.Clear(_connection); }
            catch (DuckDBException) { } // a database that failed is reported above; the drop must not hide it
        }
        return MoveAway(file, outcome, options);
    }

    /// <summary>Whether the file is as it was when found settled, and its content now hashes to what was loaded.</summary>
    private static bool Unchanged(string file, Stamp? stamp, string? sha, Task<string> after)
    {
        try
        {
            return Stamp.Of(file) == stamp && after.GetAwaiter().GetResult() == sha;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Top-level files of the inbox in load order (<see cref="InboxOrder"/>).</summary>
    public static IReadOnlyList<string> InboxFiles(string inbox) =>
        InboxOrder.Sort(Directory.GetFiles(inbox)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith("~$")
                        && !f.EndsWith(".reason.txt", StringComparison.Ordinal)))
            .Select(e => e.Path)
            .ToList();

    /// <summary>The file's outcome, the hash of the content loaded, and the hash of the file read again once it
    /// was decoded (taken while the rows are staged): the two differ when the file was still being written.</summary>
    private (FileOutcome Outcome, string Sha, Task<string> After) LoadFile(string file, long runId, IngestOptions options,
        string tempDir, List<string> warnings)
    {
        var name = FreeTextMask.FileName(file);
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
        var after = Task.Run(() => Sha256(file));
        // Only content that loaded is "already loaded". A file set aside, or loaded with rows that named a reference
        // not yet sent, is tried again when it is sent again: each attempt is a row of load_file.
        var earlier = _connection.QueryFirstOrDefault<string?>("""
            SELECT f.feed FROM load_file f
            WHERE f.sha256 = $sha AND f.outcome = 'loaded'
              AND NOT EXISTS (SELECT 1 FROM load_reject r WHERE r.file_id = f.file_id AND r.kind = 'missing_reference')
            LIMIT 1
            """, new { sha });
        if (earlier is not null)
            return (new FileOutcome(name, earlier, Outcomes.Duplicate, 0, 0, Messages.DuplicateFile), sha, after);

        try
        {
            if (feed is null)
                throw new FileSetAside(Messages.UnknownFeed(Feed.All.Select(f => Messages.FeedLabel(f.Name, f.ChineseName))));
            if (csv is null) throw unreadable!;
            var map = ColumnMap.Find(feed, csv.Path, options.Profiles, csv.CellIssues);
            var result = FeedLoader.Stage(_connection, feed, map, csv, fileId, name, options.RejectThreshold, InboxOrder.Of(file).ExportedAt,
                options.RejectThresholdMinRows);
            if (feed.Name == "centers") CountyGuard.Check(_connection);
            else if (feed.Columns.Any(c => c.Name == "center_code" && c.References == Feed.Centers)) CountyGuard.CheckFacts(_connection);
            using var tx = _connection.BeginTransaction();
            FeedLoader.Apply(_connection, tx, result);
            var loaded = result.OverThreshold ? 0 : result.RowsRead - result.RowsRejected;
            string? reason = null;
            if (result.OverThreshold)
                reason = Messages.TooManyRejects(result.RowsRejected, result.RowsRead, options.RejectThreshold, options.RejectThresholdMinRows);
            foreach (var (column, header) in map.FileColumns.Zip(map.SourceHeaders).Where(c => c.First is not null).DistinctBy(c => c.First))
                _connection.Execute("INSERT INTO load_file_column VALUES ($f, $c, $h)", new { f = fileId, c = column, h = header }, tx);
            var notes = map.Notes.ToList();
            if (map.UnknownHeaders.Count > 0)
                notes.Add(("unknown_columns", Messages.UnknownColumns(map.UnknownHeaders)));
            foreach (var (kind, text) in notes)
            {
                var note = FreeTextMask.Mask($"{name}：{text}")!; // a note may quote a header or cell as sent
                warnings.Add(note);
                _connection.Execute("INSERT INTO load_note VALUES ($f, $r, $k, $m, now()::TIMESTAMP)",
                    new { f = fileId, r = runId, k = kind, m = note }, tx);
            }
            if (MissingReferences(tx, feed, fileId) is { } missing)
            {
                reason = reason is null ? missing : $"{reason}{missing}";
                _connection.Execute("INSERT INTO load_note VALUES ($f, $r, 'missing_reference', $m, now()::TIMESTAMP)",
                    new { f = fileId, r = runId, m = $"{name}：{missing}" }, tx);
            }
            RecordFile(tx, fileId, runId, name, sha, feed.Name, csv.Format, csv.Encoding, result.RowsRead, loaded,
                result.RowsRejected, result.OverThreshold ? Outcomes.SetAside : Outcomes.Loaded, reason);
            tx.Commit();
            return (new FileOutcome(name, feed.Name, result.OverThreshold ? Outcomes.SetAside : Outcomes.Loaded,
                loaded, result.RowsRejected, reason), sha, after);
        }
        catch (Exception ex) when (ex is FileSetAside || (ex is DuckDBException d && LoadErrors.IsAboutTheFile(d)))
        {
            // DuckDB's own text reaches the sender only inside a Chinese sentence.
            var reason = ex is DuckDBException db ? LoadErrors.Explain(db).Message : ex.Message;
            FeedLoader.Clear(_connection);
            using var tx = _connection.BeginTransaction();
            RecordFile(tx, fileId, runId, name, sha, feed?.Name, null, null, 0, 0, 0, Outcomes.SetAside, reason);
            tx.Commit();
            return (new FileOutcome(name, feed?.Name, Outcomes.SetAside, 0, 0, reason), sha, after);
        }
    }

    /// <summary>Which reference feeds to send, when rows were rejected for a code no reference file has given yet
    /// (reject kind missing_reference; the feed spec says which feed each such column names); null when none was.</summary>
    private string? MissingReferences(DuckDBTransaction tx, Feed feed, long fileId)
    {
        var counts = _connection.Query<(string Column, long Rows)>("""
            SELECT column_name, count(*) FROM load_reject
            WHERE file_id = $fileId AND kind = 'missing_reference' GROUP BY column_name ORDER BY column_name
            """, new { fileId }, tx).ToList();
        if (counts.Count == 0) return null;
        var parts = counts
            .Select(c => (c.Rows, Target: feed.Columns.FirstOrDefault(col => col.Name == c.Column)?.References))
            .Where(c => c.Target is not null)
            .Select(c => Messages.ReferenceNotSent(c.Rows, c.Target!.Key.ChineseHeader, c.Target.Name, c.Target.ChineseName))
            .ToList();
        if (parts.Count == 0) return null;
        return Messages.SendReferencesFirst(parts);
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
            """, new { fileId, runId, name, sha, feed, format, encoding, read, loaded, rejected, outcome, reason = FreeTextMask.Mask(reason) }, tx);

    /// <summary>Moves a loaded file to the archive, a set-aside one (with its .reason.txt) to quarantine; both hold
    /// raw personal data, so folders are 0700 and files 0600 whatever the umask. Files left in the inbox stay.</summary>
    private static FileOutcome MoveAway(string file, FileOutcome outcome, IngestOptions options)
    {
        if (outcome.Outcome is Outcomes.Waiting or Outcomes.Skipped) return outcome;
        var setAside = outcome.Outcome == Outcomes.SetAside;
        var dir = setAside ? options.QuarantineDir : options.ArchiveDir;
        try
        {
            OwnerOnly.Directory(dir);
            // Archived under its masked name: the folder is listed to whoever runs the night.
            var shown = FreeTextMask.FileNameOnDisk(file);
            var target = Path.Combine(dir, shown);
            for (var n = 1; OwnerOnly.Exists(target); n++)
                target = Path.Combine(dir, InboxNames.Numbered(shown, n));
            // A plain rename (overwrite: the name is free): without it .NET links then unlinks, which the kernel
            // refuses for a file this account does not own (protected hard links).
            File.Move(file, target, overwrite: true);
            if (new FileInfo(target).LinkTarget is null) OwnerOnly.TryFile(target);
            if (setAside)
                OwnerOnly.WriteText(Path.Combine(dir, InboxNames.Fit(Path.GetFileName(target), ".reason.txt".Length) + ".reason.txt"),
                    Messages.ReasonFile(outcome.FileName, outcome.Reason));
            return outcome;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return outcome with { Reason = Messages.NotMoved(outcome.Reason, Path.GetFileName(dir)) };
        }
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
