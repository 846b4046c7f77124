namespace CleanroomsStack.Engine.Ports.Shapes;

/// <summary><c>{inputReferenceArn: Entity Resolution ID mapping workflow ARN, manageResourcePolicies}</c>.</summary>
public sealed record IdMappingTableInputReferenceConfig(string InputReferenceArn, bool ManageResourcePolicies);

public sealed record IdMappingTable(
    string Id, string Arn, string MembershipId, string MembershipArn, string CollaborationId, string CollaborationArn,
    string Name, DateTimeOffset CreateTime, DateTimeOffset UpdateTime, IdMappingTableInputReferenceConfig InputReferenceConfig,
    string? Description = null, string? KmsKeyArn = null) : IVersionedResource;

public sealed record IdMappingTableSummary(
    string Id, string Arn, string MembershipId, string MembershipArn, string CollaborationId, string CollaborationArn,
    string Name, DateTimeOffset CreateTime, DateTimeOffset UpdateTime, IdMappingTableInputReferenceConfig InputReferenceConfig,
    string? Description = null) : IVersionedResource;

public sealed record CreateIdMappingTableRequest(
    string MembershipIdentifier, string Name, IdMappingTableInputReferenceConfig InputReferenceConfig,
    string? Description = null, string? KmsKeyArn = null, IReadOnlyDictionary<string, string>? Tags = null);

/// <summary>PATCH body: only the description and the KMS key can change in place.</summary>
public sealed record UpdateIdMappingTableRequest(
    string MembershipIdentifier, string IdMappingTableIdentifier, string? Description = null, string? KmsKeyArn = null);
