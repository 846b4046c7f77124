using System.Text.Json;

namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// Details that only a Get returns (a membership's settings, an association's role and description, ...), remembered
/// between runs so a no-op read lists each membership's resources instead of getting every one of them. An entry is
/// trusted only while the resource's list summary shows the very updateTime it was stored with; AWS moves updateTime
/// on every change. Optional and never needed for correctness: a miss just means one more Get.
/// </summary>
public interface IReadCache
{
    /// <summary>The details stored for the resource with this ARN at exactly this updateTime, or null.</summary>
    JsonElement? Find(string arn, DateTimeOffset updateTime);

    /// <summary>Remembers the resource's details as read at this updateTime (replacing what was stored before).</summary>
    void Store(string arn, DateTimeOffset updateTime, JsonElement details);
}

/// <summary>One remembered resource: its full shape as JSON and the updateTime it had.</summary>
public sealed record ReadCacheEntry(DateTimeOffset UpdateTime, JsonElement Details);
