namespace CleanroomsStack.Emulator.Routing;

public delegate Protocol.OperationResult OperationHandler(OperationContext context);

/// <summary>
/// One operation of one service. For restJson the key is "METHOD /path/{label}"; for awsJson the X-Amz-Target;
/// for awsQuery the Action. <see cref="Mutates"/> says whether the state is saved afterwards.
/// </summary>
public sealed record Route(string Service, string Operation, string Key, bool Mutates, OperationHandler Handler);
