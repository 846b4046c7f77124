namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// Thrown when a plan asks the engine to delete a membership the operator did not allow it to leave. Reaching it
/// means a planner bug: the planner already turns such a plan into an error. It exists so no code path can leave.
/// </summary>
public sealed class LeaveNotAllowedException(string collaborationId)
    : InvalidOperationException($"refusing to leave collaboration {collaborationId}: it was not allowed with --allow-leave");
