using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.IdNamespaceAssociation;

/// <param name="Tags">Set when the association is created, and kept: the keys named here are compared on every plan.</param>
public sealed record IdNamespaceAssociationSpec(
    string Name,
    string InputReferenceArn,
    bool ManageResourcePolicies,
    string? Description,
    bool AllowUseAsDimensionColumn,
    IReadOnlyDictionary<string, string>? Tags = null) : ITaggedSpec;
