using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Engine.Audit;

namespace CleanroomsStack.Engine.Tests.Support;

/// <summary>Hands the request id of every AWS attempt to the change being applied (as the CLI does).</summary>
public sealed class AuditTrailForwarder : IAwsCallObserver
{
    public void OnAttempt(AwsAttemptRecord attempt) => AwsCallTrail.Record(attempt.Operation, attempt.RequestId, attempt.ErrorCode);
}
