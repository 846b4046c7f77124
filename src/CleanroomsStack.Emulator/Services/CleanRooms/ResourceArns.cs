using CleanroomsStack.Emulator.Routing;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>The ARNs of every taggable Clean Rooms resource an account owns.</summary>
public static class ResourceArns
{
    public static HashSet<string> OwnedBy(World world, string accountId)
    {
        var state = world.State;
        var memberships = state.Memberships.Where(m => m.AccountId == accountId).ToDictionary(m => m.Id);
        var arns = new HashSet<string>(StringComparer.Ordinal);
        arns.UnionWith(state.Collaborations.Where(c => c.CreatorAccountId == accountId).Select(world.CollaborationArn));
        arns.UnionWith(memberships.Values.Select(world.MembershipArn));
        arns.UnionWith(state.ConfiguredTables.Where(t => t.AccountId == accountId).Select(world.ConfiguredTableArn));
        arns.UnionWith(state.TableAssociations.Where(a => memberships.ContainsKey(a.MembershipId))
            .Select(a => world.TableAssociationArn(memberships[a.MembershipId], a)));
        arns.UnionWith(state.IdNamespaceAssociations.Where(a => memberships.ContainsKey(a.MembershipId))
            .Select(a => world.IdNamespaceAssociationArn(memberships[a.MembershipId], a)));
        arns.UnionWith(state.IdMappingTables.Where(a => memberships.ContainsKey(a.MembershipId))
            .Select(a => world.IdMappingTableArn(memberships[a.MembershipId], a)));
        return arns;
    }
}
