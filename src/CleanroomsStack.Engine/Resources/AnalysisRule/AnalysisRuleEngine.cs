using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Resources.AnalysisRule;

/// <summary>
/// The collaboration analysis rule of an association, addressed by the association and the rule type. Read with its
/// association (<see cref="AnalysisRuleReads"/>); a type change is a delete of the old type and a create of the new.
/// </summary>
internal sealed class AnalysisRuleEngine : KindEngine
{
    public override ResourceKind Kind => AnalysisRuleKind.Instance;

    public override async Task<Executed> ExecuteAsync(ApplyContext context, ResourceChange change, ParentIds parents, CancellationToken ct)
    {
        var api = context.Api;
        var membershipId = Require(parents.MembershipId, change);
        var associationId = Require(parents.ParentId, change);
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await DeleteAsync(() => api.DeleteConfiguredTableAssociationAnalysisRuleAsync(membershipId, associationId, change.LiveAs<AnalysisRuleState>().Type, ct));
        if (change.Action == ChangeAction.Delete) return new Executed(associationId);
        var spec = change.DesiredAs<AnalysisRuleSpec>();
        var policy = PolicyMapping.ToPolicy(spec);
        if (change.Action == ChangeAction.Update)
        {
            await api.UpdateConfiguredTableAssociationAnalysisRuleAsync(new UpdateAnalysisRuleRequest(membershipId, associationId, spec.Type, policy), ct);
            return new Executed(associationId);
        }
        return await context.Creates.RunAsync(
            async () =>
            {
                await api.CreateConfiguredTableAssociationAnalysisRuleAsync(new CreateAnalysisRuleRequest(membershipId, associationId, spec.Type, policy), ct);
                return associationId;
            },
            async _ => await TryGetAsync(() => api.GetConfiguredTableAssociationAnalysisRuleAsync(membershipId, associationId, spec.Type, ct)) is not null
                ? associationId : null,
            _ => AlignAsync(api, membershipId, associationId, spec, ct),
            parents.ParentIsNew, ct);
    }

    private static async Task AlignAsync(ICleanRoomsApi api, string membershipId, string associationId, AnalysisRuleSpec spec, CancellationToken ct)
    {
        var live = await api.GetConfiguredTableAssociationAnalysisRuleAsync(membershipId, associationId, spec.Type, ct);
        var variant = AnalysisRuleReads.Variant(live.Policy);
        if (SameSet(variant.AllowedResultReceivers, spec.AllowedResultReceivers) && SameSet(variant.AllowedAdditionalAnalyses, spec.AllowedAdditionalAnalyses))
            return;
        await api.UpdateConfiguredTableAssociationAnalysisRuleAsync(
            new UpdateAnalysisRuleRequest(membershipId, associationId, spec.Type, PolicyMapping.ToPolicy(spec)), ct);
    }

    private static bool SameSet(IReadOnlyList<string>? live, IReadOnlyList<string> desired) =>
        (live ?? []).ToHashSet(StringComparer.Ordinal).SetEquals(desired);
}
