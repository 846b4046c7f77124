using System.Text.Json.Nodes;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Engine.Audit;

/// <summary>
/// One line of the audit log: who changed what, when, with which AWS requests, and how it ended. Field names are
/// the JSON names (camelCase); docs/apply.md describes them. Nothing in here comes from the credentials.
/// </summary>
/// <param name="PreviousAwsId">For a replace: the id of the resource it deleted (AwsId is the new one).</param>
public sealed record AuditEntry(
    string Time,
    string RunId,
    string Caller,
    string Action,
    string Kind,
    string Address,
    string? AwsId,
    string? PreviousAwsId,
    string Outcome,
    bool Adopted,
    IReadOnlyList<AuditAttribute> Changes,
    string? RequestId,
    IReadOnlyList<AwsCall> Calls,
    AuditError? Error)
{
    public static AuditEntry From(ChangeOutcome outcome, DateTimeOffset time, string runId, string caller)
    {
        var change = outcome.Change;
        var error = outcome.Status == OutcomeStatus.Failed ? new AuditError(outcome.ErrorCode, outcome.Message ?? "", outcome.Hint) : null;
        return new AuditEntry(
            time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            runId, caller, change.Action.Info().JsonName, change.Kind.AddressSegment, change.Address.ToString(),
            outcome.AwsId ?? change.LiveId, change.Action == ChangeAction.Replace ? change.LiveId : null, outcome.Status.ToString().ToLowerInvariant(), outcome.Adopted,
            change.Diffs.Select(d => new AuditAttribute(d.Path, d.Before, d.After)).ToList(),
            outcome.RequestId, outcome.Calls ?? [], error);
    }

    /// <summary>Writing a membership's record of what it manages: action <c>record</c> on the membership, the record's tags as its changes.</summary>
    public static AuditEntry From(RecordOutcome record, DateTimeOffset time, string runId, string caller)
    {
        var error = record.Status == OutcomeStatus.Failed ? new AuditError(record.ErrorCode, record.Message ?? "", record.Hint) : null;
        return new AuditEntry(
            time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            runId, caller, RecordAction, record.Address.Kind.AddressSegment, record.Address.ToString(), record.MembershipId, null,
            record.Status.ToString().ToLowerInvariant(), false, record.Diffs.Select(d => new AuditAttribute(d.Path, d.Before, d.After)).ToList(),
            record.Calls.LastOrDefault(c => c.RequestId is not null)?.RequestId, record.Calls, error);
    }

    /// <summary>The action of an entry that wrote a membership's record (<see cref="Core.Planning.ManagedRecord"/>).</summary>
    public const string RecordAction = "record";
}

/// <summary>One changed attribute, keyed by its path in the AWS request shape, before and after (null = absent).</summary>
public sealed record AuditAttribute(string Path, JsonNode? Before, JsonNode? After)
{
    public bool Equals(AuditAttribute? other) =>
        other is not null && other.Path == Path && AttributeValue.Same(other.Before, Before) && AttributeValue.Same(other.After, After);

    public override int GetHashCode() => HashCode.Combine(Path, Before?.ToJsonString(), After?.ToJsonString());
}

public sealed record AuditError(string? Code, string Message, string? Hint);
