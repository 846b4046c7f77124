using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using CleanroomsStack.Engine.Ports.Shapes;
using CleanroomsStack.Engine.Reading;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// What <c>up</c> wrote, kept in the read cache so the next preview Gets none of it again. Each created or updated
/// resource is stored as the write answered, under that answer's updateTime. A resource this run changed something
/// inside afterwards (creating an association's rule moves the association's updateTime) is stored again after its
/// membership's last change, under the updateTime of a final listing, with the listing's own values for the plain
/// members a summary carries (the association's analysisRuleTypes among them): what the nested change moved is what
/// the listing shows. A change someone else made in between to a member the summary lacks would be hidden until the
/// resource changes again, so only resources this run wrote are stored this way, and only after a change of its own
/// inside them.
/// </summary>
public sealed class WrittenResources(IReadCache cache)
{
    private readonly ConcurrentDictionary<string, IVersionedResource> written = new(StringComparer.Ordinal);

    internal void Record(IVersionedResource shape)
    {
        written[shape.Arn] = shape;
        cache.Store(shape.Arn, shape.UpdateTime, JsonSerializer.SerializeToElement(shape, shape.GetType(), CachedGets.Json));
    }

    /// <summary>A listing made after this run's last change inside the listed resources: those it wrote whose updateTime moved since are stored again.</summary>
    internal void Relisted(IReadOnlyList<IVersionedResource> listed)
    {
        foreach (var summary in listed)
        {
            if (!written.TryGetValue(summary.Arn, out var shape) || summary.Id != shape.Id || summary.UpdateTime <= shape.UpdateTime) continue;
            cache.Store(summary.Arn, summary.UpdateTime, Overlay(shape, summary));
        }
    }

    /// <summary>The written shape with the summary's scalars and lists of scalars; nested objects, which summaries abbreviate, stay as written.</summary>
    private static JsonElement Overlay(IVersionedResource shape, IVersionedResource summary)
    {
        var details = JsonSerializer.SerializeToNode(shape, shape.GetType(), CachedGets.Json)!.AsObject();
        foreach (var (name, value) in JsonSerializer.SerializeToNode(summary, summary.GetType(), CachedGets.Json)!.AsObject())
        {
            if (value is null or JsonValue || value is JsonArray array && array.All(item => item is JsonValue))
                details[name] = value?.DeepClone();
        }
        return JsonSerializer.SerializeToElement(details, CachedGets.Json);
    }
}
