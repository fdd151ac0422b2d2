namespace Oversight.Warehouse;

/// <summary>A failure with a message a county user can act on (in Chinese).</summary>
public sealed class WarehouseException(string message, Exception? inner = null) : Exception(message, inner);
