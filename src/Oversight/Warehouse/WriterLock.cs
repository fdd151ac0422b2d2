namespace Oversight.Warehouse;

/// <summary>
/// One writer per warehouse: an exclusive lock on <c>&lt;db&gt;.writer.lock</c>, held by the nightly service for its
/// whole life and by every writing command while it runs. The operating system releases it when the process dies,
/// even by kill -9, so a crash never leaves the warehouse locked. A second writer is refused at once with a message
/// naming the holder, never left waiting.
/// </summary>
public sealed class WriterLock : IDisposable
{
    private readonly FileStream _stream;

    private WriterLock(FileStream stream) => _stream = stream;

    public static string PathFor(string dbPath) => Path.GetFullPath(dbPath) + ".writer.lock";

    public static WriterLock Acquire(string dbPath, string purpose)
    {
        var path = PathFor(dbPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            string holder;
            try { holder = File.ReadAllText(path + ".info").Trim(); }
            catch (IOException) { holder = ""; }
            throw new WarehouseException(Messages.WriterLockHeld(Path.GetFullPath(dbPath), holder));
        }
        // Who holds it, for the refusal message (the lock file itself cannot be read while locked).
        File.WriteAllText(path + ".info", Messages.WriterLockHolder(purpose, Environment.ProcessId, DateTime.Now));
        return new WriterLock(stream);
    }

    public void Dispose() => _stream.Dispose();
}
