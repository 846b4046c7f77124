using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;
using CleanroomsStack.Engine.Resources.AnalysisRule;

namespace CleanroomsStack.Engine.Resources.TableAssociation;

/// <summary>
/// Configured table associations: read with their collaboration analysis rules (<see cref="AnalysisRuleReads"/>), and
/// created, updated (role, description), deleted and replaced through <see cref="MembershipChildEngine{TSpec}"/>.
/// </summary>
internal sealed class TableAssociationEngine : MembershipChildEngine<TableAssociationSpec>
{
    public override ResourceKind Kind => TableAssociationKind.Instance;

    public override async Task<KindValues> ReadAsync(LiveReadContext context, MembershipSummary membership, KindValues children, CancellationToken ct)
    {
        var api = context.Api;
        var summaries = await api.ListConfiguredTableAssociationsAsync(membership.Id, ct);
        var rules = await AnalysisRuleReads.BatchAsync(api, membership.CollaborationId, summaries, ct);
        var states = await Bounded.SelectAsync(summaries, context.Parallelism, s => ReadOneAsync(context, membership.Id, s, rules, ct));
        var ordered = states.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        return children.With(Kind, await WithTagsAsync(context, membership.CollaborationId, ordered, ct));
    }

    private static async Task<TableAssociationState> ReadOneAsync(LiveReadContext context, string membershipId, ConfiguredTableAssociationSummary summary,
        IReadOnlyDictionary<(string Name, string Type), Core.Resources.AnalysisRule.AnalysisRuleState> batched, CancellationToken ct)
    {
        // The summary lacks role and description; a Get returns them.
        var association = await context.Gets.GetAsync(summary, () => context.Api.GetConfiguredTableAssociationAsync(membershipId, summary.Id, ct));
        // The list is fresh even when the association came from the read cache.
        var ruleTypes = (summary.AnalysisRuleTypes ?? association.AnalysisRuleTypes ?? []).Select(t => t.Value).ToList();
        var rules = await AnalysisRuleReads.OfAssociationAsync(context.Api, membershipId, summary.Id, association.Name, ruleTypes, batched, ct);
        return new TableAssociationState(association.Id, association.Arn, association.Name, association.ConfiguredTableId,
            association.RoleArn, association.Description, rules);
    }

    public override string? HintFor(AwsApiException e) => e.Kind switch
    {
        AwsErrorKind.NotFound when e.ResourceType == "CONFIGURED_TABLE" =>
            "the configured table no longer exists in this account; check `tables` in collaborations.yaml, then run again.",
        AwsErrorKind.AccessDenied =>
            "check `association.role` in collaborations.yaml: the role must exist and Clean Rooms must be allowed to assume it; the credentials need iam:PassRole on it.",
        AwsErrorKind.Validation =>
            "AWS rejected the association; check `association.role` (the role must exist and trust cleanrooms.amazonaws.com) and the fields named above.",
        _ => null,
    };

    protected override async Task<IVersionedResource> CreateAsync(ICleanRoomsApi api, string membershipId, TableAssociationSpec spec, CancellationToken ct) =>
        await api.CreateConfiguredTableAssociationAsync(
            new CreateConfiguredTableAssociationRequest(membershipId, spec.Name, spec.ConfiguredTableId, spec.RoleArn, spec.Description, spec.Tags), ct);

    protected override async Task<IVersionedResource> UpdateAsync(ICleanRoomsApi api, string membershipId, string id, TableAssociationSpec spec, CancellationToken ct) =>
        await api.UpdateConfiguredTableAssociationAsync(new UpdateConfiguredTableAssociationRequest(membershipId, id, spec.Description, spec.RoleArn), ct);

    protected override Task DeleteAsync(ICleanRoomsApi api, string membershipId, string id, CancellationToken ct) =>
        api.DeleteConfiguredTableAssociationAsync(membershipId, id, ct);

    protected override async Task<IReadOnlyList<IVersionedResource>> ListAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct) =>
        await api.ListConfiguredTableAssociationsAsync(membershipId, ct);

    protected override async Task<string?> FindAsync(ICleanRoomsApi api, string membershipId, TableAssociationSpec spec, AwsApiException? conflict,
        CancellationToken ct)
    {
        // The id a ConflictException named is tried first, because a Get doesn't lag like a List.
        var hintId = conflict?.ResourceType == "CONFIGURED_TABLE_ASSOCIATION" ? conflict.ResourceId : null;
        if (hintId is not null && await TryGetAsync(api, membershipId, hintId, () => api.GetConfiguredTableAssociationAsync(membershipId, hintId, ct), ct) is { } hinted)
        {
            // The conflict was about the table, not the name: it is shared under another name, which we must not take over.
            return SameName(hinted.Name, spec.Name) ? hinted.Id : throw new AdoptionException(
                $"the configured table is already associated to this membership as '{hinted.Name}'",
                "delete that association or change `association.nameTemplate` to produce its name, then run again.");
        }
        var listed = await api.ListConfiguredTableAssociationsAsync(membershipId, ct);
        return listed.FirstOrDefault(a => SameName(a.Name, spec.Name))?.Id;
    }

    protected override async Task AlignAsync(ICleanRoomsApi api, string membershipId, string id, TableAssociationSpec spec, CancellationToken ct)
    {
        var live = await api.GetConfiguredTableAssociationAsync(membershipId, id, ct);
        if (live.ConfiguredTableId != spec.ConfiguredTableId)
            throw new AdoptionException($"an association named '{live.Name}' already exists for another configured table ({live.ConfiguredTableId})",
                "rename or delete that association, or change `association.nameTemplate`, then run again.");
        if (live.RoleArn != spec.RoleArn || (live.Description ?? "") != (spec.Description ?? ""))
            await api.UpdateConfiguredTableAssociationAsync(new UpdateConfiguredTableAssociationRequest(membershipId, id, spec.Description, spec.RoleArn), ct);
    }
}
