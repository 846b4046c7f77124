using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Live;

/// <summary>Everything read from AWS about the memberships the plan looks at.</summary>
public sealed record LiveState(IReadOnlyList<MembershipState> Memberships)
{
    public MembershipState? ForCollaboration(string collaborationId) =>
        Memberships.FirstOrDefault(m => m.CollaborationId == collaborationId && m.IsActive)
        ?? Memberships.FirstOrDefault(m => m.CollaborationId == collaborationId);
}
