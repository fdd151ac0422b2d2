namespace Oversight.Reports;

/// <summary>A report could not be produced for a reason the user can fix (a template mistake, no data for
/// the month); the message is in Chinese and names the file and line where there is one.</summary>
public sealed class ReportException(string message, Exception? inner = null) : Exception(message, inner);
