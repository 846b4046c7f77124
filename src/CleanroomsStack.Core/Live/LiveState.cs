using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Live;

/// <summary>Everything read from AWS about the memberships the plan looks at.</summary>
public sealed record LiveState(IReadOnlyList<MembershipState> Memberships)
{
    public MembershipState? ForCollaboration(string collaborationId) =>
        Memberships.FirstOrDefault(m => m.CollaborationId == collaborationId && m.IsActive)
        ?? Memberships.FirstOrDefault(m => m.CollaborationId == collaborationId);

    /// <summary>This state with the memberships' tags filled in, by membership id (read after the rest, where needed).</summary>
    public LiveState WithTags(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tags) =>
        new(Memberships.Select(m => tags.TryGetValue(m.Id, out var read) ? m with { Tags = read } : m).ToList());
}
