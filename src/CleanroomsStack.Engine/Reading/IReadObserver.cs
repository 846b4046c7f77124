namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// How reading live state reports progress (the engine never writes to the console): how many memberships it reads,
/// then each one read. Calls may come from several threads at once.
/// </summary>
public interface IReadObserver
{
    void OnMembershipsToRead(int count);

    void OnMembershipRead();
}
