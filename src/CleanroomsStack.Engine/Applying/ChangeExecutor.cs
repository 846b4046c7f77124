using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// The ids a change needs from its parents. They come from this run when a parent was just created (then
/// <see cref="ParentIsNew"/> is set, since reads may not show that parent yet).
/// </summary>
internal sealed record ParentIds(string? MembershipId, string? AssociationId, bool ParentIsNew);

/// <summary>
/// Carries out one planned change with the API calls it needs and returns the resource's AWS id. Creates go through
/// <see cref="CreateOrAdopt"/>; a delete of something already gone counts as done.
/// </summary>
internal sealed class ChangeExecutor(ICleanRoomsApi api, ApplyOptions options)
{
    private readonly ExistingResources existing = new(api);
    private readonly CreateOrAdopt creates = new(options);

    public Task<Executed> ExecuteAsync(ResourceChange change, ParentIds parents, CancellationToken ct) =>
        change switch
        {
            MembershipChange m => ExecuteAsync(m, ct),
            TableAssociationChange a => ExecuteAsync(a, Require(parents.MembershipId, a), parents.ParentIsNew, ct),
            AnalysisRuleChange r => ExecuteAsync(r, Require(parents.MembershipId, r), Require(parents.AssociationId, r), parents.ParentIsNew, ct),
            IdNamespaceAssociationChange n => ExecuteAsync(n, Require(parents.MembershipId, n), parents.ParentIsNew, ct),
            IdMappingTableChange t => ExecuteAsync(t, Require(parents.MembershipId, t), parents.ParentIsNew, ct),
            _ => throw new InvalidOperationException($"no executor for {change.GetType().Name}"),
        };

    private async Task<Executed> ExecuteAsync(MembershipChange change, CancellationToken ct)
    {
        switch (change.Action)
        {
            case ChangeAction.Create:
                var spec = change.Desired!;
                return await creates.RunAsync(
                    async () => (await api.CreateMembershipAsync(MembershipMapping.ToCreateRequest(spec), ct)).Id,
                    _ => existing.MembershipIdAsync(spec.CollaborationId, ct),
                    id => existing.AlignMembershipAsync(id, spec, ct),
                    parentIsNew: false, ct);
            case ChangeAction.Update:
                return new((await api.UpdateMembershipAsync(MembershipMapping.ToUpdateRequest(change.Live!.Id, change.Desired!), ct)).Id);
            case ChangeAction.Delete when options.AllowLeave.Contains(change.Live!.CollaborationId):
                await DeleteAsync(() => api.DeleteMembershipAsync(change.Live.Id, ct));
                return new(change.Live.Id);
            default:
                // Leaving is irreversible: besides the planner's check, the engine itself refuses it without the opt-in.
                throw new LeaveNotAllowedException(change.Address.CollaborationId);
        }
    }

    private async Task<Executed> ExecuteAsync(TableAssociationChange change, string membershipId, bool parentIsNew, CancellationToken ct)
    {
        if (change is { Action: ChangeAction.Replace, Order: ReplacementOrder.CreateFirst })
        {
            // The old association keeps serving queries until its successor exists (the planner checked the quota).
            var created = await CreateAsync(change.Desired!, membershipId, parentIsNew, ct);
            await DeleteAsync(() => api.DeleteConfiguredTableAssociationAsync(membershipId, change.Live!.Id, ct));
            return created;
        }
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await DeleteAsync(() => api.DeleteConfiguredTableAssociationAsync(membershipId, change.Live!.Id, ct));
        if (change.Action == ChangeAction.Delete) return new(change.Live!.Id);
        var spec = change.Desired!;
        if (change.Action == ChangeAction.Update)
        {
            var request = new UpdateConfiguredTableAssociationRequest(membershipId, change.Live!.Id, spec.Description, spec.RoleArn);
            return new((await api.UpdateConfiguredTableAssociationAsync(request, ct)).Id);
        }
        return await CreateAsync(spec, membershipId, parentIsNew, ct);
    }

    private Task<Executed> CreateAsync(TableAssociationSpec spec, string membershipId, bool parentIsNew, CancellationToken ct)
    {
        var create = new CreateConfiguredTableAssociationRequest(membershipId, spec.Name, spec.ConfiguredTableId, spec.RoleArn, spec.Description, spec.Tags);
        return creates.RunAsync(
            async () => (await api.CreateConfiguredTableAssociationAsync(create, ct)).Id,
            conflict => existing.TableAssociationIdAsync(membershipId, spec.Name, HintedId(conflict, "CONFIGURED_TABLE_ASSOCIATION"), ct),
            id => existing.AlignTableAssociationAsync(membershipId, id, spec, ct),
            parentIsNew, ct);
    }

    private async Task<Executed> ExecuteAsync(AnalysisRuleChange change, string membershipId, string associationId, bool parentIsNew, CancellationToken ct)
    {
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await DeleteAsync(() => api.DeleteConfiguredTableAssociationAnalysisRuleAsync(membershipId, associationId, change.Live!.Type, ct));
        if (change.Action == ChangeAction.Delete) return new(associationId);
        var spec = change.Desired!;
        var policy = PolicyMapping.ToPolicy(spec);
        if (change.Action == ChangeAction.Update)
        {
            await api.UpdateConfiguredTableAssociationAnalysisRuleAsync(new UpdateAnalysisRuleRequest(membershipId, associationId, spec.Type, policy), ct);
            return new(associationId);
        }
        var result = await creates.RunAsync(
            async () =>
            {
                await api.CreateConfiguredTableAssociationAnalysisRuleAsync(new CreateAnalysisRuleRequest(membershipId, associationId, spec.Type, policy), ct);
                return associationId;
            },
            async _ => await existing.AnalysisRuleExistsAsync(membershipId, associationId, spec.Type, ct) ? associationId : null,
            _ => existing.AlignAnalysisRuleAsync(membershipId, associationId, spec, ct),
            parentIsNew, ct);
        return result;
    }

    private async Task<Executed> ExecuteAsync(IdNamespaceAssociationChange change, string membershipId, bool parentIsNew, CancellationToken ct)
    {
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await DeleteAsync(() => api.DeleteIdNamespaceAssociationAsync(membershipId, change.Live!.Id, ct));
        if (change.Action == ChangeAction.Delete) return new(change.Live!.Id);
        var spec = change.Desired!;
        var mapping = new IdMappingConfig(spec.AllowUseAsDimensionColumn);
        if (change.Action == ChangeAction.Update)
        {
            var update = new UpdateIdNamespaceAssociationRequest(membershipId, change.Live!.Id, spec.Name, spec.Description, mapping);
            return new((await api.UpdateIdNamespaceAssociationAsync(update, ct)).Id);
        }
        var create = new CreateIdNamespaceAssociationRequest(membershipId, spec.Name,
            new IdNamespaceInputReferenceConfig(spec.InputReferenceArn, spec.ManageResourcePolicies), spec.Description, mapping, spec.Tags);
        return await creates.RunAsync(
            async () => (await api.CreateIdNamespaceAssociationAsync(create, ct)).Id,
            _ => existing.IdNamespaceAssociationIdAsync(membershipId, spec, ct),
            id => existing.AlignIdNamespaceAssociationAsync(membershipId, id, spec, ct),
            parentIsNew, ct);
    }

    private async Task<Executed> ExecuteAsync(IdMappingTableChange change, string membershipId, bool parentIsNew, CancellationToken ct)
    {
        if (change is { Action: ChangeAction.Replace, Order: ReplacementOrder.CreateFirst })
        {
            var created = await CreateAsync(change.Desired!, membershipId, parentIsNew, ct);
            await DeleteAsync(() => api.DeleteIdMappingTableAsync(membershipId, change.Live!.Id, ct));
            return created;
        }
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await DeleteAsync(() => api.DeleteIdMappingTableAsync(membershipId, change.Live!.Id, ct));
        if (change.Action == ChangeAction.Delete) return new(change.Live!.Id);
        var spec = change.Desired!;
        if (change.Action == ChangeAction.Update)
        {
            var update = new UpdateIdMappingTableRequest(membershipId, change.Live!.Id, spec.Description, spec.KmsKeyArn);
            return new((await api.UpdateIdMappingTableAsync(update, ct)).Id);
        }
        return await CreateAsync(spec, membershipId, parentIsNew, ct);
    }

    private Task<Executed> CreateAsync(IdMappingTableSpec spec, string membershipId, bool parentIsNew, CancellationToken ct)
    {
        var create = new CreateIdMappingTableRequest(membershipId, spec.Name,
            new IdMappingTableInputReferenceConfig(spec.InputReferenceArn, spec.ManageResourcePolicies), spec.Description, spec.KmsKeyArn, spec.Tags);
        return creates.RunAsync(
            async () => (await api.CreateIdMappingTableAsync(create, ct)).Id,
            _ => existing.IdMappingTableIdAsync(membershipId, spec.Name, ct),
            _ => Task.CompletedTask,
            parentIsNew, ct);
    }

    /// <summary>Deleting what is already gone (a concurrent run, a lost response to our own delete) is success.</summary>
    private static async Task DeleteAsync(Func<Task> delete)
    {
        try
        {
            await delete();
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.NotFound)
        {
        }
    }

    private static string? HintedId(AwsApiException? conflict, string resourceType) =>
        conflict?.ResourceType == resourceType ? conflict.ResourceId : null;

    private static string Require(string? id, ResourceChange change) =>
        id ?? throw new InvalidOperationException($"{change.Address}: parent id unknown when applying; the applier orders parents first");
}
