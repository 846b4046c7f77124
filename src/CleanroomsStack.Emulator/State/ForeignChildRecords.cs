namespace CleanroomsStack.Emulator.State;

/// <summary>
/// A membership's privacy budget template: at most one per membership ("Each membership can have only one privacy
/// budget template"), so its type stands for its name and a second one clashes with the first.
/// </summary>
public sealed class PrivacyBudgetTemplateRecord : IMembershipChild
{
    public static StringComparer NameComparer => StringComparer.Ordinal;

    public required string Id { get; init; }
    public required string MembershipId { get; init; }

    /// <summary>The privacy budget type (DIFFERENTIAL_PRIVACY).</summary>
    public required string Name { get; set; }

    /// <summary>CALENDAR_MONTH or NONE.</summary>
    public required string AutoRefresh { get; set; }

    public int Epsilon { get; set; }
    public int UsersNoisePerQuery { get; set; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}

/// <summary>A Clean Rooms ML configured audience model associated with a membership.</summary>
public sealed class ConfiguredAudienceModelAssociationRecord : IMembershipChild
{
    public static StringComparer NameComparer => StringComparer.Ordinal;

    public required string Id { get; init; }
    public required string MembershipId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string ConfiguredAudienceModelArn { get; init; }
    public bool ManageResourcePolicies { get; init; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}
