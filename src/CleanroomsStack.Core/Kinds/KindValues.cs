using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanroomsStack.Core.Kinds;

/// <summary>
/// One list of values per kind — a collaboration's settings, desired specs or live states of the kinds that live in a
/// membership — so the shared types (settings, desired collaboration, membership state) need no field per kind. Each
/// kind reads and writes only its own list, typed, through <see cref="ListKind{TSettings,TSpec,TState}"/>; a kind with
/// nothing stored reads as empty. Immutable, compared by value, serialised as <c>{segment: [...]}</c> in kind order.
/// </summary>
[JsonConverter(typeof(KindValuesConverter))]
public sealed class KindValues : IEquatable<KindValues>
{
    public static readonly KindValues Empty = new(new Dictionary<ResourceKind, object>());

    private readonly IReadOnlyDictionary<ResourceKind, object> lists;

    private KindValues(IReadOnlyDictionary<ResourceKind, object> lists) => this.lists = lists;

    /// <summary>The values of <paramref name="kind"/>; empty when none were stored.</summary>
    public IReadOnlyList<T> Get<T>(ResourceKind kind) => lists.TryGetValue(kind, out var list) ? (IReadOnlyList<T>)list : [];

    /// <summary>A copy with the values of <paramref name="kind"/> replaced.</summary>
    public KindValues With<T>(ResourceKind kind, IReadOnlyList<T> values) =>
        new(new Dictionary<ResourceKind, object>((IDictionary<ResourceKind, object>)lists) { [kind] = values.ToList() });

    /// <summary>These values with those of <paramref name="other"/> for the kinds these don't hold.</summary>
    public KindValues Merge(KindValues other)
    {
        var merged = new Dictionary<ResourceKind, object>((IDictionary<ResourceKind, object>)other.lists);
        foreach (var (kind, list) in lists) merged[kind] = list;
        return new KindValues(merged);
    }

    internal IEnumerable<(ResourceKind Kind, IEnumerable<object> Values)> Entries =>
        lists.OrderBy(l => l.Key.Level).ThenBy(l => l.Key.AddressSegment, StringComparer.Ordinal)
            .Select(l => (l.Key, ((System.Collections.IEnumerable)l.Value).Cast<object>()));

    public bool Equals(KindValues? other) =>
        other is not null && Entries.Where(e => e.Values.Any()).Select(e => e.Kind)
            .SequenceEqual(other.Entries.Where(e => e.Values.Any()).Select(e => e.Kind))
        && Entries.All(e => e.Values.SequenceEqual(other.Entries.FirstOrDefault(o => o.Kind == e.Kind).Values ?? []));

    public override bool Equals(object? obj) => Equals(obj as KindValues);

    public override int GetHashCode() => Entries.Where(e => e.Values.Any()).Aggregate(0, (h, e) => HashCode.Combine(h, e.Kind, e.Values.Count()));
}

/// <summary>Writes the lists for hashing and debugging (plan fingerprints); the values are never read back.</summary>
internal sealed class KindValuesConverter : JsonConverter<KindValues>
{
    public override KindValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("kind values are written, never read");

    public override void Write(Utf8JsonWriter writer, KindValues value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (kind, values) in value.Entries)
        {
            writer.WritePropertyName(kind.AddressSegment);
            writer.WriteStartArray();
            foreach (var item in values)
                JsonSerializer.Serialize(writer, item, item.GetType(), options);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
