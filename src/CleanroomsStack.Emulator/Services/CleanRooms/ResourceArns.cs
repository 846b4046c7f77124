using CleanroomsStack.Emulator.Routing;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>The ARNs of every taggable Clean Rooms resource an account owns.</summary>
public static class ResourceArns
{
    public static HashSet<string> OwnedBy(World world, string accountId)
    {
        var state = world.State;
        var memberships = state.Memberships.Where(m => m.AccountId == accountId).ToList();
        var arns = new HashSet<string>(StringComparer.Ordinal);
        arns.UnionWith(state.Collaborations.Where(c => c.CreatorAccountId == accountId).Select(world.CollaborationArn));
        arns.UnionWith(memberships.Select(world.MembershipArn));
        arns.UnionWith(state.ConfiguredTables.Where(t => t.AccountId == accountId).Select(world.ConfiguredTableArn));
        arns.UnionWith(memberships.SelectMany(m => MembershipChildKinds.All.SelectMany(kind => kind.Arns(world, m))));
        return arns;
    }
}
