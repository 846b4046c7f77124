namespace CleanroomsStack.Core.Resources.IdNamespaceAssociation;

public sealed record IdNamespaceAssociationState(
    string Id,
    string Arn,
    string Name,
    string InputReferenceArn,
    bool ManageResourcePolicies,
    string? Description,
    bool AllowUseAsDimensionColumn);
