namespace CleanroomsStack.Engine.Ports.Shapes;

public sealed record IdNamespaceInputReferenceConfig(string InputReferenceArn, bool ManageResourcePolicies);

public sealed record IdMappingConfig(bool AllowUseAsDimensionColumn);

public sealed record IdNamespaceInputReferenceProperties(string IdNamespaceType);

public sealed record IdNamespaceAssociation(
    string Id, string Arn, string MembershipId, string MembershipArn, string CollaborationId, string CollaborationArn,
    string Name, DateTimeOffset CreateTime, DateTimeOffset UpdateTime,
    IdNamespaceInputReferenceConfig InputReferenceConfig, IdNamespaceInputReferenceProperties InputReferenceProperties,
    string? Description = null, IdMappingConfig? IdMappingConfig = null) : IVersionedResource;

public sealed record IdNamespaceAssociationSummary(
    string Id, string Arn, string MembershipId, string MembershipArn, string CollaborationId, string CollaborationArn,
    string Name, DateTimeOffset CreateTime, DateTimeOffset UpdateTime,
    IdNamespaceInputReferenceConfig InputReferenceConfig, IdNamespaceInputReferenceProperties InputReferenceProperties,
    string? Description = null) : IVersionedResource;

public sealed record CreateIdNamespaceAssociationRequest(
    string MembershipIdentifier, string Name, IdNamespaceInputReferenceConfig InputReferenceConfig,
    string? Description = null, IdMappingConfig? IdMappingConfig = null, IReadOnlyDictionary<string, string>? Tags = null);

public sealed record UpdateIdNamespaceAssociationRequest(
    string MembershipIdentifier, string IdNamespaceAssociationIdentifier,
    string? Name = null, string? Description = null, IdMappingConfig? IdMappingConfig = null);

/// <summary>Entity Resolution GetIdNamespace (timestamps are createdAt/updatedAt in that service).</summary>
public sealed record IdNamespace(
    string IdNamespaceName, string IdNamespaceArn, string Type, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string? Description = null);
