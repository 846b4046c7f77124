using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// Reads the tags of memberships read without them (<see cref="Core.Planning.RecordReads"/>): one ListTagsForResource
/// each, never from the read cache, because tagging moves no updateTime.
/// </summary>
internal static class MembershipTagReads
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadAsync(
        ICleanRoomsApi api, IReadOnlyList<MembershipState> memberships, int parallelism, CancellationToken ct)
    {
        var read = await Bounded.SelectAsync(memberships, parallelism, m => api.ListTagsForResourceAsync(m.Arn, ct));
        return read.ToDictionary(r => r.Key.Id, r => r.Value, StringComparer.Ordinal);
    }
}
