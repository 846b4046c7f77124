namespace CleanroomsStack.Core.Resources.IdNamespaceAssociation;

public sealed record IdNamespaceAssociationSpec(
    string Name,
    string InputReferenceArn,
    bool ManageResourcePolicies,
    string? Description,
    bool AllowUseAsDimensionColumn);
