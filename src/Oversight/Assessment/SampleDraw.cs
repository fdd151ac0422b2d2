using System.Security.Cryptography;
using System.Text;

namespace Oversight.Assessment;

/// <summary>The reproducible draw for sample rules: records are ordered by an HMAC-SHA256 of the scheme, rule, subject,
/// quarter and record id under the deployment's secret key. The same data and key always draw the same records
/// (an auditor with the key can repeat it); a township without the key cannot predict which of its records will be drawn.</summary>
/// <remarks>Each order is computed once per draw object: the bootstrap asks for the same records' orders in every redraw.
/// Not thread-safe (one assessment build uses it on one thread).</remarks>
public sealed class SampleDraw(byte[] key)
{
    private readonly Dictionary<(string, string, string, int, int, string), string> _orders = [];

    public string Order(string scheme, string rule, string subject, int year, int quarter, string recordId)
    {
        var k = (scheme, rule, subject, year, quarter, recordId);
        if (!_orders.TryGetValue(k, out var order))
            _orders[k] = order = Convert.ToHexStringLower(HMACSHA256.HashData(key,
                Encoding.UTF8.GetBytes($"{scheme}|{rule}|{subject}|{year}Q{quarter}|{recordId}")));
        return order;
    }
}
