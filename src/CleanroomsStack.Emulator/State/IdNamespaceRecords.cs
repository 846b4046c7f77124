namespace CleanroomsStack.Emulator.State;

/// <summary>An Entity Resolution ID namespace owned by an account.</summary>
public sealed class IdNamespaceRecord
{
    public required string AccountId { get; init; }
    public required string Name { get; init; }

    /// <summary>SOURCE or TARGET.</summary>
    public required string Type { get; init; }
    public string? Description { get; set; }
    public double CreatedAt { get; init; }
    public double UpdatedAt { get; set; }
}

/// <summary>An ID namespace associated to a membership.</summary>
public sealed class IdNamespaceAssociationRecord : IMembershipChild
{
    public static StringComparer NameComparer => StringComparer.Ordinal;

    public required string Id { get; init; }
    public required string MembershipId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string InputReferenceArn { get; init; }
    public bool ManageResourcePolicies { get; init; }
    public bool? AllowUseAsDimensionColumn { get; set; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}

/// <summary>An ID mapping table of a membership, fed by an Entity Resolution ID mapping workflow.</summary>
public sealed class IdMappingTableRecord : IMembershipChild
{
    public static StringComparer NameComparer => StringComparer.OrdinalIgnoreCase;

    public required string Id { get; init; }
    public required string MembershipId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string InputReferenceArn { get; init; }
    public bool ManageResourcePolicies { get; init; }
    public string? KmsKeyArn { get; set; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}
