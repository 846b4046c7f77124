using System.Text.Json;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// Gets the full shape of a listed resource, or takes it from the read cache when the list summary's updateTime is the
/// one the shape was stored with. Without a cache every call is a Get.
/// </summary>
internal sealed class CachedGets(IReadCache? cache)
{
    // Strict reading: an entry that lost a required member is a miss, never a half-filled shape.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public async Task<T> GetAsync<T>(IVersionedResource listed, Func<Task<T>> get) where T : class, IVersionedResource
    {
        if (cache is null) return await get();
        if (cache.Find(listed.Arn, listed.UpdateTime) is { } details && Parse<T>(details) is { } cached
            && cached.Arn == listed.Arn && cached.UpdateTime == listed.UpdateTime)
        {
            return cached;
        }
        var fresh = await get();
        // Stored under the Get's own updateTime: if the resource changed since it was listed, the next list shows that time.
        cache.Store(fresh.Arn, fresh.UpdateTime, JsonSerializer.SerializeToElement(fresh, Json));
        return fresh;
    }

    private static T? Parse<T>(JsonElement details) where T : class
    {
        try { return details.Deserialize<T>(Json); }
        catch (JsonException) { return null; }
    }
}
