using CleanroomsStack.Emulator.Behaviours;
using CleanroomsStack.Emulator.Faults;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;

namespace CleanroomsStack.Emulator.Hosting;

/// <summary>
/// Wraps an operation with the injected faults and the statistics: latency first, then a dropped connection,
/// throttling or an injected error instead of the operation, or a lost response after it.
/// </summary>
public static class FaultPipeline
{
    public static async Task<OperationResult> RunAsync(WorldHost host, Route route, OperationContext context, WireProtocol protocol, CancellationToken ct)
    {
        var operation = route.Operation;
        host.Stats.Request(operation);
        var decision = host.Faults.Decide(context.AccountId, operation);
        if (decision.LatencyMs > 0) await Task.Delay(decision.LatencyMs, ct).ConfigureAwait(false);

        if (decision.Drop)
        {
            host.Stats.DroppedConnection(operation);
            return OperationResult.Dropped();
        }

        if (decision.Throttle)
        {
            host.Stats.Throttled(operation);
            return ErrorRenderer.Render(FaultErrors.Throttled(protocol, operation), protocol, context.RequestId);
        }

        if (decision.Error)
        {
            host.Stats.InjectedError(operation);
            return ErrorRenderer.Render(FaultErrors.Internal(protocol), protocol, context.RequestId);
        }

        OperationResult result;
        try
        {
            result = await host.RunAsync(route, context, ct).ConfigureAwait(false);
        }
        catch (AwsServiceError error)
        {
            result = ErrorRenderer.Render(BehaviourErrors.Apply(error, route, host.Faults.Settings.Behaviour), protocol, context.RequestId);
        }

        if (!decision.LoseResponse) return result;
        host.Stats.LostResponse(operation);
        return host.Faults.Settings.LostResponseMode == "reset"
            ? OperationResult.Dropped()
            : ErrorRenderer.Render(FaultErrors.Internal(protocol), protocol, context.RequestId);
    }
}
