using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.IdMappingTable;

/// <summary>An ID mapping table the config asks for, built from an Entity Resolution ID mapping workflow.</summary>
/// <param name="Tags">Set when the table is created, and kept: the keys named here are compared on every plan.</param>
public sealed record IdMappingTableSpec(
    string Name,
    string InputReferenceArn,
    bool ManageResourcePolicies,
    string? Description,
    string? KmsKeyArn,
    IReadOnlyDictionary<string, string>? Tags = null) : ITaggedSpec;
