using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// Finds a resource a create may already have made (a lost response, a concurrent run) and brings an adopted one in
/// line with the spec. Finders return null when the resource isn't (yet) visible; they never create anything.
/// </summary>
internal sealed class ExistingResources(ICleanRoomsApi api)
{
    public async Task<string?> MembershipIdAsync(string collaborationId, CancellationToken ct)
    {
        var listed = (await api.ListMembershipsAsync("ACTIVE", ct)).FirstOrDefault(m => m.CollaborationId == collaborationId);
        if (listed is not null) return listed.Id;
        // Lists lag behind writes; the collaboration names our membership as soon as it exists.
        var collaboration = await api.GetCollaborationAsync(collaborationId, ct);
        if (collaboration.MembershipId is null) return null;
        var membership = await api.GetMembershipAsync(collaboration.MembershipId, ct);
        return membership.Status == "ACTIVE" ? membership.Id : null;
    }

    public async Task AlignMembershipAsync(string membershipId, MembershipSpec spec, CancellationToken ct)
    {
        var live = await api.GetMembershipAsync(membershipId, ct);
        var resultsDiffer = spec.DefaultResultConfiguration is { } wanted && MembershipMapping.FromShape(live.DefaultResultConfiguration) != wanted;
        if (live.QueryLogStatus != spec.QueryLogStatus || spec.JobLogStatus is { } job && live.JobLogStatus != job || resultsDiffer)
            await api.UpdateMembershipAsync(MembershipMapping.ToUpdateRequest(membershipId, spec), ct);
    }

    /// <param name="hintId">The id a ConflictException named, tried first because a Get doesn't lag like a List.</param>
    public async Task<string?> TableAssociationIdAsync(string membershipId, string name, string? hintId, CancellationToken ct)
    {
        if (hintId is not null && await TryGetAsync(() => api.GetConfiguredTableAssociationAsync(membershipId, hintId, ct)) is { } hinted)
        {
            // The conflict was about the table, not the name: it is shared under another name, which we must not take over.
            return SameName(hinted.Name, name) ? hinted.Id : throw new AdoptionException(
                $"the configured table is already associated to this membership as '{hinted.Name}'",
                "delete that association or change `association.nameTemplate` to produce its name, then run again.");
        }
        var listed = await api.ListConfiguredTableAssociationsAsync(membershipId, ct);
        return listed.FirstOrDefault(a => SameName(a.Name, name))?.Id;
    }

    public async Task AlignTableAssociationAsync(string membershipId, string associationId, TableAssociationSpec spec, CancellationToken ct)
    {
        var live = await api.GetConfiguredTableAssociationAsync(membershipId, associationId, ct);
        if (live.ConfiguredTableId != spec.ConfiguredTableId)
            throw new AdoptionException($"an association named '{live.Name}' already exists for another configured table ({live.ConfiguredTableId})",
                "rename or delete that association, or change `association.nameTemplate`, then run again.");
        if (live.RoleArn != spec.RoleArn || (live.Description ?? "") != (spec.Description ?? ""))
            await api.UpdateConfiguredTableAssociationAsync(
                new UpdateConfiguredTableAssociationRequest(membershipId, associationId, spec.Description, spec.RoleArn), ct);
    }

    public async Task<bool> AnalysisRuleExistsAsync(string membershipId, string associationId, string type, CancellationToken ct) =>
        await TryGetAsync(() => api.GetConfiguredTableAssociationAnalysisRuleAsync(membershipId, associationId, type, ct)) is not null;

    public async Task AlignAnalysisRuleAsync(string membershipId, string associationId, AnalysisRuleSpec spec, CancellationToken ct)
    {
        var live = await api.GetConfiguredTableAssociationAnalysisRuleAsync(membershipId, associationId, spec.Type, ct);
        var v1 = live.Policy.V1;
        var variant = v1.Custom ?? v1.List ?? v1.Aggregation ?? new AnalysisRulePolicyVariant();
        if (SameSet(variant.AllowedResultReceivers, spec.AllowedResultReceivers) && SameSet(variant.AllowedAdditionalAnalyses, spec.AllowedAdditionalAnalyses))
            return;
        await api.UpdateConfiguredTableAssociationAnalysisRuleAsync(
            new UpdateAnalysisRuleRequest(membershipId, associationId, spec.Type, PolicyMapping.ToPolicy(spec)), ct);
    }

    public async Task<string?> IdNamespaceAssociationIdAsync(string membershipId, IdNamespaceAssociationSpec spec, CancellationToken ct)
    {
        var listed = await api.ListIdNamespaceAssociationsAsync(membershipId, ct);
        // A namespace can be associated once per membership, so the same ARN under another name is ours too.
        return (listed.FirstOrDefault(a => a.Name == spec.Name)
                ?? listed.FirstOrDefault(a => a.InputReferenceConfig.InputReferenceArn == spec.InputReferenceArn))?.Id;
    }

    public async Task AlignIdNamespaceAssociationAsync(string membershipId, string id, IdNamespaceAssociationSpec spec, CancellationToken ct)
    {
        var live = await api.GetIdNamespaceAssociationAsync(membershipId, id, ct);
        if (live.InputReferenceConfig.InputReferenceArn != spec.InputReferenceArn)
            throw new AdoptionException($"an ID namespace association named '{live.Name}' already exists for another namespace ({live.InputReferenceConfig.InputReferenceArn})",
                "rename or delete that association, or change the name in `idNamespaceAssociations`, then run again.");
        var mapping = live.IdMappingConfig?.AllowUseAsDimensionColumn ?? false;
        if (live.Name != spec.Name || (live.Description ?? "") != (spec.Description ?? "") || mapping != spec.AllowUseAsDimensionColumn)
            await api.UpdateIdNamespaceAssociationAsync(new UpdateIdNamespaceAssociationRequest(membershipId, id, spec.Name,
                spec.Description, new IdMappingConfig(spec.AllowUseAsDimensionColumn)), ct);
    }

    public async Task<string?> IdMappingTableIdAsync(string membershipId, string name, CancellationToken ct) =>
        (await api.ListIdMappingTablesAsync(membershipId, ct)).FirstOrDefault(t => SameName(t.Name, name))?.Id;

    private static async Task<T?> TryGetAsync<T>(Func<Task<T>> get) where T : class
    {
        try
        {
            return await get();
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            return null;
        }
    }

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool SameSet(IReadOnlyList<string>? live, IReadOnlyList<string> desired) =>
        (live ?? []).ToHashSet(StringComparer.Ordinal).SetEquals(desired);
}

/// <summary>A resource with the wanted name exists but is not the one the config describes, so it can't be taken over.</summary>
internal sealed class AdoptionException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}
