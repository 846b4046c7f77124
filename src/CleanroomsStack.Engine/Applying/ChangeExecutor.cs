using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// Carries out one planned change with the API calls it needs. Ids that only exist once a parent was created in this
/// run come in through <paramref name="membershipId"/> / <paramref name="associationId"/>. Returns the resource's AWS id.
/// </summary>
internal sealed class ChangeExecutor(ICleanRoomsApi api, IReadOnlySet<string> allowLeave)
{
    public async Task<string?> ExecuteAsync(ResourceChange change, string? membershipId, string? associationId, CancellationToken ct) =>
        change switch
        {
            MembershipChange m => await ExecuteAsync(m, ct),
            TableAssociationChange a => await ExecuteAsync(a, Require(membershipId, a), ct),
            AnalysisRuleChange r => await ExecuteAsync(r, Require(membershipId, r), Require(associationId, r), ct),
            IdNamespaceAssociationChange n => await ExecuteAsync(n, Require(membershipId, n), ct),
            IdMappingTableChange t => await ExecuteAsync(t, Require(membershipId, t), ct),
            _ => throw new InvalidOperationException($"no executor for {change.GetType().Name}"),
        };

    private async Task<string?> ExecuteAsync(MembershipChange change, CancellationToken ct)
    {
        switch (change.Action)
        {
            case ChangeAction.Create:
                return (await api.CreateMembershipAsync(MembershipMapping.ToCreateRequest(change.Desired!), ct)).Id;
            case ChangeAction.Update:
                return (await api.UpdateMembershipAsync(MembershipMapping.ToUpdateRequest(change.Live!.Id, change.Desired!), ct)).Id;
            case ChangeAction.NoOp:
                return change.Live!.Id;
            case ChangeAction.Delete when allowLeave.Contains(change.Live!.CollaborationId):
                await api.DeleteMembershipAsync(change.Live.Id, ct);
                return change.Live.Id;
            default:
                // Leaving is irreversible: besides the planner's check, the engine itself refuses it without the opt-in.
                throw new LeaveNotAllowedException(change.Address.CollaborationId);
        }
    }

    private async Task<string?> ExecuteAsync(TableAssociationChange change, string membershipId, CancellationToken ct)
    {
        if (change is { Action: ChangeAction.Replace, Order: ReplacementOrder.CreateFirst })
        {
            // The old association keeps serving queries until its successor exists (the planner checked the quota).
            var id = await CreateAsync(change.Desired!, membershipId, ct);
            await api.DeleteConfiguredTableAssociationAsync(membershipId, change.Live!.Id, ct);
            return id;
        }
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await api.DeleteConfiguredTableAssociationAsync(membershipId, change.Live!.Id, ct);
        if (change.Action == ChangeAction.Delete) return change.Live!.Id;
        var spec = change.Desired!;
        if (change.Action == ChangeAction.Update)
        {
            var request = new UpdateConfiguredTableAssociationRequest(membershipId, change.Live!.Id, spec.Description, spec.RoleArn);
            return (await api.UpdateConfiguredTableAssociationAsync(request, ct)).Id;
        }
        if (change.Action == ChangeAction.NoOp) return change.Live!.Id;
        return await CreateAsync(spec, membershipId, ct);
    }

    private async Task<string> CreateAsync(TableAssociationSpec spec, string membershipId, CancellationToken ct)
    {
        var create = new CreateConfiguredTableAssociationRequest(membershipId, spec.Name, spec.ConfiguredTableId, spec.RoleArn, spec.Description, spec.Tags);
        return (await api.CreateConfiguredTableAssociationAsync(create, ct)).Id;
    }

    private async Task<string?> ExecuteAsync(AnalysisRuleChange change, string membershipId, string associationId, CancellationToken ct)
    {
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await api.DeleteConfiguredTableAssociationAnalysisRuleAsync(membershipId, associationId, change.Live!.Type, ct);
        if (change.Action is ChangeAction.Delete or ChangeAction.NoOp) return associationId;
        var spec = change.Desired!;
        var policy = PolicyMapping.ToPolicy(spec);
        if (change.Action == ChangeAction.Update)
            await api.UpdateConfiguredTableAssociationAnalysisRuleAsync(new UpdateAnalysisRuleRequest(membershipId, associationId, spec.Type, policy), ct);
        else
            await api.CreateConfiguredTableAssociationAnalysisRuleAsync(new CreateAnalysisRuleRequest(membershipId, associationId, spec.Type, policy), ct);
        return associationId;
    }

    private async Task<string?> ExecuteAsync(IdNamespaceAssociationChange change, string membershipId, CancellationToken ct)
    {
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await api.DeleteIdNamespaceAssociationAsync(membershipId, change.Live!.Id, ct);
        if (change.Action == ChangeAction.Delete) return change.Live!.Id;
        if (change.Action == ChangeAction.NoOp) return change.Live!.Id;
        var spec = change.Desired!;
        var mapping = new IdMappingConfig(spec.AllowUseAsDimensionColumn);
        if (change.Action == ChangeAction.Update)
        {
            var update = new UpdateIdNamespaceAssociationRequest(membershipId, change.Live!.Id, spec.Name, spec.Description, mapping);
            return (await api.UpdateIdNamespaceAssociationAsync(update, ct)).Id;
        }
        var create = new CreateIdNamespaceAssociationRequest(membershipId, spec.Name,
            new IdNamespaceInputReferenceConfig(spec.InputReferenceArn, spec.ManageResourcePolicies), spec.Description, mapping, spec.Tags);
        return (await api.CreateIdNamespaceAssociationAsync(create, ct)).Id;
    }

    private async Task<string?> ExecuteAsync(IdMappingTableChange change, string membershipId, CancellationToken ct)
    {
        if (change is { Action: ChangeAction.Replace, Order: ReplacementOrder.CreateFirst })
        {
            var id = await CreateAsync(change.Desired!, membershipId, ct);
            await api.DeleteIdMappingTableAsync(membershipId, change.Live!.Id, ct);
            return id;
        }
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await api.DeleteIdMappingTableAsync(membershipId, change.Live!.Id, ct);
        switch (change.Action)
        {
            case ChangeAction.Delete or ChangeAction.NoOp:
                return change.Live!.Id;
            case ChangeAction.Update:
                var update = new UpdateIdMappingTableRequest(membershipId, change.Live!.Id, change.Desired!.Description, change.Desired.KmsKeyArn);
                return (await api.UpdateIdMappingTableAsync(update, ct)).Id;
            default:
                return await CreateAsync(change.Desired!, membershipId, ct);
        }
    }

    private async Task<string> CreateAsync(IdMappingTableSpec spec, string membershipId, CancellationToken ct)
    {
        var create = new CreateIdMappingTableRequest(membershipId, spec.Name,
            new IdMappingTableInputReferenceConfig(spec.InputReferenceArn, spec.ManageResourcePolicies), spec.Description, spec.KmsKeyArn, spec.Tags);
        return (await api.CreateIdMappingTableAsync(create, ct)).Id;
    }

    private static string Require(string? id, ResourceChange change) =>
        id ?? throw new InvalidOperationException($"{change.Address}: parent id unknown when applying; the applier orders parents first");
}
