namespace CleanroomsStack.Emulator.State;

public sealed class CollaborationRecord
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string CreatorAccountId { get; init; }
    public required string CreatorDisplayName { get; init; }

    /// <summary>ACTIVE, or DELETED once the creator deletes it (its memberships become COLLABORATION_DELETED).</summary>
    public string Status { get; set; } = "ACTIVE";
    public string QueryLogStatus { get; set; } = "DISABLED";
    public string? JobLogStatus { get; set; }
    public string? AnalyticsEngine { get; set; }
    public DataEncryptionRecord? DataEncryptionMetadata { get; set; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
    public List<MemberRecord> Members { get; init; } = [];
}

public sealed class DataEncryptionRecord
{
    public bool AllowCleartext { get; init; }
    public bool AllowDuplicates { get; init; }
    public bool AllowJoinsOnColumnsWithDifferentNames { get; init; }
    public bool PreserveNulls { get; init; }
}

/// <summary>An account's place in a collaboration, as the creator set it up: abilities, payer role, status.</summary>
public sealed class MemberRecord : IPayer
{
    public required string AccountId { get; init; }
    public required string DisplayName { get; init; }
    public List<string> Abilities { get; init; } = [];

    /// <summary>Whether the creator made this member pay for query compute.</summary>
    public bool PaysForQueries { get; init; }

    /// <summary>Whether the creator made this member pay for job compute; null when the creator assigned no one.</summary>
    public bool? PaysForJobs { get; init; }

    /// <summary>The machine learning payments (model training, model inference, synthetic data generation), likewise.</summary>
    public bool? PaysForModelTraining { get; init; }

    public bool? PaysForModelInference { get; init; }

    public bool? PaysForSyntheticDataGeneration { get; init; }

    /// <summary>INVITED until the account calls CreateMembership; then ACTIVE; LEFT after DeleteMembership.</summary>
    public string Status { get; set; } = "INVITED";
    public string? MembershipId { get; set; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}
