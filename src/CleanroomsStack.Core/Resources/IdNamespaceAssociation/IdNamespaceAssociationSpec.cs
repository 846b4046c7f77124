namespace CleanroomsStack.Core.Resources.IdNamespaceAssociation;

/// <param name="Tags">Applied when the association is created.</param>
public sealed record IdNamespaceAssociationSpec(
    string Name,
    string InputReferenceArn,
    bool ManageResourcePolicies,
    string? Description,
    bool AllowUseAsDimensionColumn,
    IReadOnlyDictionary<string, string>? Tags = null);
