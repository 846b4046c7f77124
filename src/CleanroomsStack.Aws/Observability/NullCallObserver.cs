namespace CleanroomsStack.Aws.Observability;

internal sealed class NullCallObserver : IAwsCallObserver
{
    public static NullCallObserver Instance { get; } = new();
}
