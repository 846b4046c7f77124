using CleanroomsStack.Aws.Observability;
using CleanroomsStack.Engine.Audit;

namespace CleanroomsStack.Cli.Composition;

/// <summary>
/// Hands the request id of every AWS attempt to the change being applied, so the audit log can name it. Outside an
/// apply (planning, preview) there is no trail and this does nothing.
/// </summary>
internal sealed class AwsCallTrailForwarder : IAwsCallObserver
{
    public static readonly AwsCallTrailForwarder Instance = new();

    public void OnAttempt(AwsAttemptRecord attempt) => AwsCallTrail.Record(attempt.Operation, attempt.RequestId, attempt.ErrorCode);
}
