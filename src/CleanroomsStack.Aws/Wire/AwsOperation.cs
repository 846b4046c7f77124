using CleanroomsStack.Aws.Configuration;

namespace CleanroomsStack.Aws.Wire;

/// <summary>
/// Whether an operation may be sent again when we don't know if the first attempt took effect. Clean Rooms has no
/// idempotency tokens, so a repeated create can make a duplicate; those are <see cref="NotIdempotent"/> and are never
/// retried after a timeout or 5xx: the caller re-reads instead.
/// </summary>
internal enum RepeatSafety
{
    SafeToRepeat,
    NotIdempotent,
}

/// <summary>One AWS operation: its service, name (as in the API reference), HTTP method and repeat safety.</summary>
internal sealed record AwsOperation(AwsService Service, string Name, HttpMethod Method, RepeatSafety Safety = RepeatSafety.SafeToRepeat);

/// <summary>Every operation this client calls, in one table.</summary>
internal static class Operations
{
    private static readonly Lazy<IReadOnlyDictionary<string, AwsOperation>> ByNameTable = new(() =>
        typeof(Operations).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (AwsOperation)f.GetValue(null)!)
            .ToDictionary(o => o.Name, StringComparer.Ordinal));

    /// <summary>The operation with this AWS name, if this client calls it.</summary>
    public static AwsOperation? ByName(string name) => ByNameTable.Value.GetValueOrDefault(name);

    private static AwsOperation CleanRooms(string name, HttpMethod method, RepeatSafety safety = RepeatSafety.SafeToRepeat) =>
        new(AwsService.CleanRooms, name, method, safety);

    public static readonly AwsOperation GetCallerIdentity = new(AwsService.Sts, "GetCallerIdentity", HttpMethod.Post);
    public static readonly AwsOperation GetIdNamespace = new(AwsService.EntityResolution, "GetIdNamespace", HttpMethod.Get);
    public static readonly AwsOperation GetTable = new(AwsService.Glue, "GetTable", HttpMethod.Post);
    public static readonly AwsOperation GetTables = new(AwsService.Glue, "GetTables", HttpMethod.Post);

    public static readonly AwsOperation ListCollaborations = CleanRooms("ListCollaborations", HttpMethod.Get);
    public static readonly AwsOperation GetCollaboration = CleanRooms("GetCollaboration", HttpMethod.Get);
    public static readonly AwsOperation ListMembers = CleanRooms("ListMembers", HttpMethod.Get);
    public static readonly AwsOperation ListConfiguredTables = CleanRooms("ListConfiguredTables", HttpMethod.Get);
    public static readonly AwsOperation ListSchemas = CleanRooms("ListSchemas", HttpMethod.Get);
    // A POST that only reads: repeating it is harmless.
    public static readonly AwsOperation BatchGetSchemaAnalysisRule = CleanRooms("BatchGetSchemaAnalysisRule", HttpMethod.Post);
    public static readonly AwsOperation BatchGetSchema = CleanRooms("BatchGetSchema", HttpMethod.Post);

    public static readonly AwsOperation ListMemberships = CleanRooms("ListMemberships", HttpMethod.Get);
    public static readonly AwsOperation GetMembership = CleanRooms("GetMembership", HttpMethod.Get);
    public static readonly AwsOperation CreateMembership = CleanRooms("CreateMembership", HttpMethod.Post, RepeatSafety.NotIdempotent);
    public static readonly AwsOperation UpdateMembership = CleanRooms("UpdateMembership", HttpMethod.Patch);
    public static readonly AwsOperation DeleteMembership = CleanRooms("DeleteMembership", HttpMethod.Delete);

    public static readonly AwsOperation ListConfiguredTableAssociations = CleanRooms("ListConfiguredTableAssociations", HttpMethod.Get);
    public static readonly AwsOperation GetConfiguredTableAssociation = CleanRooms("GetConfiguredTableAssociation", HttpMethod.Get);
    public static readonly AwsOperation CreateConfiguredTableAssociation = CleanRooms("CreateConfiguredTableAssociation", HttpMethod.Post, RepeatSafety.NotIdempotent);
    public static readonly AwsOperation UpdateConfiguredTableAssociation = CleanRooms("UpdateConfiguredTableAssociation", HttpMethod.Patch);
    public static readonly AwsOperation DeleteConfiguredTableAssociation = CleanRooms("DeleteConfiguredTableAssociation", HttpMethod.Delete);

    public static readonly AwsOperation GetConfiguredTableAssociationAnalysisRule = CleanRooms("GetConfiguredTableAssociationAnalysisRule", HttpMethod.Get);
    // Modeled @idempotent: one rule per type per association, so a repeat can only conflict, never duplicate.
    public static readonly AwsOperation CreateConfiguredTableAssociationAnalysisRule = CleanRooms("CreateConfiguredTableAssociationAnalysisRule", HttpMethod.Post);
    public static readonly AwsOperation UpdateConfiguredTableAssociationAnalysisRule = CleanRooms("UpdateConfiguredTableAssociationAnalysisRule", HttpMethod.Patch);
    public static readonly AwsOperation DeleteConfiguredTableAssociationAnalysisRule = CleanRooms("DeleteConfiguredTableAssociationAnalysisRule", HttpMethod.Delete);

    public static readonly AwsOperation ListIdNamespaceAssociations = CleanRooms("ListIdNamespaceAssociations", HttpMethod.Get);
    public static readonly AwsOperation GetIdNamespaceAssociation = CleanRooms("GetIdNamespaceAssociation", HttpMethod.Get);
    public static readonly AwsOperation CreateIdNamespaceAssociation = CleanRooms("CreateIdNamespaceAssociation", HttpMethod.Post, RepeatSafety.NotIdempotent);
    public static readonly AwsOperation UpdateIdNamespaceAssociation = CleanRooms("UpdateIdNamespaceAssociation", HttpMethod.Patch);
    public static readonly AwsOperation DeleteIdNamespaceAssociation = CleanRooms("DeleteIdNamespaceAssociation", HttpMethod.Delete);
    public static readonly AwsOperation ListIdMappingTables = CleanRooms("ListIdMappingTables", HttpMethod.Get);
    public static readonly AwsOperation GetIdMappingTable = CleanRooms("GetIdMappingTable", HttpMethod.Get);
    public static readonly AwsOperation CreateIdMappingTable = CleanRooms("CreateIdMappingTable", HttpMethod.Post, RepeatSafety.NotIdempotent);
    public static readonly AwsOperation UpdateIdMappingTable = CleanRooms("UpdateIdMappingTable", HttpMethod.Patch);
    public static readonly AwsOperation DeleteIdMappingTable = CleanRooms("DeleteIdMappingTable", HttpMethod.Delete);
    public static readonly AwsOperation ListAnalysisTemplates = CleanRooms("ListAnalysisTemplates", HttpMethod.Get);
    public static readonly AwsOperation GetAnalysisTemplate = CleanRooms("GetAnalysisTemplate", HttpMethod.Get);
    public static readonly AwsOperation CreateAnalysisTemplate = CleanRooms("CreateAnalysisTemplate", HttpMethod.Post, RepeatSafety.NotIdempotent);
    public static readonly AwsOperation UpdateAnalysisTemplate = CleanRooms("UpdateAnalysisTemplate", HttpMethod.Patch);
    public static readonly AwsOperation DeleteAnalysisTemplate = CleanRooms("DeleteAnalysisTemplate", HttpMethod.Delete);

    // Kinds the tool doesn't manage: listed only before leaving a membership.
    public static readonly AwsOperation ListPrivacyBudgetTemplates = CleanRooms("ListPrivacyBudgetTemplates", HttpMethod.Get);
    public static readonly AwsOperation ListConfiguredAudienceModelAssociations = CleanRooms("ListConfiguredAudienceModelAssociations", HttpMethod.Get);
    // Setting a tag to a value, or removing a key, twice ends the same way as once.
    public static readonly AwsOperation ListTagsForResource = CleanRooms("ListTagsForResource", HttpMethod.Get);
    public static readonly AwsOperation TagResource = CleanRooms("TagResource", HttpMethod.Post);
    public static readonly AwsOperation UntagResource = CleanRooms("UntagResource", HttpMethod.Delete);
}
