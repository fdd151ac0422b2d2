using System.Collections.Concurrent;

namespace Oversight.Tests;

/// <summary>What a test class builds once and reads in several of its tests: only for builds that record nothing, from
/// a warehouse the class never changes (a report laid out from its own copy of the demo county, say).</summary>
public sealed class Once
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _built = new();

    public T Get<T>(string key, Func<T> build) where T : notnull =>
        (T)_built.GetOrAdd(key, _ => new Lazy<object>(() => build())).Value;
}
