namespace CleanroomsStack.Emulator.State;

public sealed class MembershipRecord : IPayer
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string CollaborationId { get; init; }

    /// <summary>ACTIVE, REMOVED or COLLABORATION_DELETED.</summary>
    public string Status { get; set; } = "ACTIVE";
    public string QueryLogStatus { get; set; } = "DISABLED";
    public string? JobLogStatus { get; set; }
    public ResultConfigurationRecord? DefaultResultConfiguration { get; set; }
    public JobResultConfigurationRecord? DefaultJobResultConfiguration { get; set; }
    /// <summary>What the member accepted to pay for on joining: the creator's assignment (<see cref="IPayer"/>).</summary>
    public bool PaysForQueries { get; init; }
    public bool? PaysForJobs { get; init; }
    public bool? PaysForModelTraining { get; init; }
    public bool? PaysForModelInference { get; init; }
    public bool? PaysForSyntheticDataGeneration { get; init; }
    public bool? IsMetricsEnabled { get; init; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}

/// <summary>Where query results go by default: an S3 location, optionally written with a role.</summary>
public sealed class ResultConfigurationRecord
{
    public required string ResultFormat { get; init; }
    public required string Bucket { get; init; }
    public string? KeyPrefix { get; init; }
    public bool? SingleFileOutput { get; init; }
    public string? RoleArn { get; init; }
}

/// <summary>Where job results go by default: an S3 location written with a (required) role.</summary>
public sealed class JobResultConfigurationRecord
{
    public required string Bucket { get; init; }
    public string? KeyPrefix { get; init; }
    public required string RoleArn { get; init; }
}
