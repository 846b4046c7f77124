using System.Text.Json;

namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// A read cache in memory, seeded with the entries of an earlier run. It also records the entries this run found or
/// stored, so whoever persists it keeps only resources that still exist (the cache never grows without bound).
/// </summary>
public sealed class InMemoryReadCache(IReadOnlyDictionary<string, ReadCacheEntry>? earlier = null) : IReadCache
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ReadCacheEntry> known = new(earlier ?? new Dictionary<string, ReadCacheEntry>(), StringComparer.Ordinal);
    private readonly Dictionary<string, ReadCacheEntry> seen = new(StringComparer.Ordinal);

    public JsonElement? Find(string arn, DateTimeOffset updateTime)
    {
        lock (gate)
        {
            if (!known.TryGetValue(arn, out var entry) || entry.UpdateTime != updateTime) return null;
            seen[arn] = entry;
            return entry.Details;
        }
    }

    public void Store(string arn, DateTimeOffset updateTime, JsonElement details)
    {
        var entry = new ReadCacheEntry(updateTime, details.Clone());
        lock (gate) known[arn] = seen[arn] = entry;
    }

    /// <summary>The entries found or stored since this cache was made, sorted by ARN.</summary>
    public IReadOnlyDictionary<string, ReadCacheEntry> Seen
    {
        get { lock (gate) return new SortedDictionary<string, ReadCacheEntry>(seen, StringComparer.Ordinal); }
    }
}
