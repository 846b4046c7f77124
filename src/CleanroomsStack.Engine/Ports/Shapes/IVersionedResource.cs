namespace CleanroomsStack.Engine.Ports.Shapes;

/// <summary>
/// A resource shape (full or list summary) that names its resource and says when it last changed: AWS moves
/// updateTime on every update, which is what lets the read cache trust a remembered Get.
/// </summary>
public interface IVersionedResource
{
    string Id { get; }

    string Arn { get; }

    DateTimeOffset UpdateTime { get; }
}
