namespace Oversight.Ingest;

/// <summary>A file that cannot be read as a whole; nothing of it is loaded. The message is for the sender.</summary>
public sealed class FileSetAside(string reason) : Exception(reason);
