using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Core.Values;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Resources.Membership;

/// <summary>
/// Accepting an invitation (CreateMembership, adopting a membership a lost response or a concurrent run made), updating
/// its settings, and leaving (DeleteMembership) — the last only with the operator's per-collaboration opt-in.
/// </summary>
internal sealed class MembershipEngine : KindEngine
{
    public override ResourceKind Kind => MembershipKind.Instance;

    public override async Task<Executed> ExecuteAsync(ApplyContext context, ResourceChange change, ParentIds parents, CancellationToken ct)
    {
        var api = context.Api;
        switch (change.Action)
        {
            case ChangeAction.Create:
                var spec = change.DesiredAs<MembershipSpec>();
                return await context.Creates.RunAsync(
                    async () => context.Wrote(await api.CreateMembershipAsync(MembershipMapping.ToCreateRequest(spec), ct)).Id,
                    _ => FindAsync(api, spec.CollaborationId, ct),
                    id => AlignAsync(api, id, spec, ct),
                    parentIsNew: false, ct);
            case ChangeAction.Update:
                // UpdateMembership for its settings, TagResource for the tags the plan sets; either alone when only it changed.
                var liveId = Require(change.LiveId, change);
                if (!TagPaths.OnlyTags(change.Diffs))
                    context.Wrote(await api.UpdateMembershipAsync(MembershipMapping.ToUpdateRequest(liveId, change.DesiredAs<MembershipSpec>()), ct));
                await TagAsync(api, change, ct);
                return new Executed(liveId);
            case ChangeAction.Delete when context.Options.AllowLeave.Contains(change.Address.CollaborationId):
                var membershipId = Require(change.LiveId, change);
                // A left membership is either listed as REMOVED or not listed at all (aws-semantics #3): only ACTIVE is "still there".
                await DeleteAsync(() => api.DeleteMembershipAsync(membershipId, ct),
                    async () => (await api.ListMembershipsAsync(null, ct)).Any(m => m.Id == membershipId && m.Status == MembershipStatus.Active));
                return new Executed(change.LiveId);
            default:
                // Leaving is irreversible: besides the planner's check, the engine itself refuses it without the opt-in.
                throw new LeaveNotAllowedException(change.Address.CollaborationId);
        }
    }

    private static async Task<string?> FindAsync(ICleanRoomsApi api, string collaborationId, CancellationToken ct)
    {
        var listed = (await api.ListMembershipsAsync("ACTIVE", ct)).FirstOrDefault(m => m.CollaborationId == collaborationId);
        if (listed is not null) return listed.Id;
        // Lists lag behind writes; the collaboration names our membership as soon as it exists.
        var collaboration = await api.GetCollaborationAsync(collaborationId, ct);
        if (collaboration.MembershipId is null) return null;
        var membership = await api.GetMembershipAsync(collaboration.MembershipId, ct);
        return membership.Status == "ACTIVE" ? membership.Id : null;
    }

    private static async Task AlignAsync(ICleanRoomsApi api, string membershipId, MembershipSpec spec, CancellationToken ct)
    {
        var live = await api.GetMembershipAsync(membershipId, ct);
        var resultsDiffer = spec.DefaultResultConfiguration is { } wanted && MembershipMapping.FromShape(live.DefaultResultConfiguration) != wanted;
        if (live.QueryLogStatus != spec.QueryLogStatus || spec.JobLogStatus is { } job && live.JobLogStatus != job || resultsDiffer)
            await api.UpdateMembershipAsync(MembershipMapping.ToUpdateRequest(membershipId, spec), ct);
    }
}
