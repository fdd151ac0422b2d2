namespace Oversight.Analytics;

/// <summary>A model cannot be trained or a month scored for a reason the user can act on; Chinese message.</summary>
public sealed class AnalyticsException(string message, Exception? inner = null) : Exception(message, inner);
