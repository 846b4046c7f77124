using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>Reads of collaborations and their members.</summary>
public static class CollaborationHandlers
{
    private static readonly string[] FilterableMemberStatus = ["INVITED", "ACTIVE"];

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "ListCollaborations", "GET", "/collaborations", false, ListCollaborations);
        routes.Rest("cleanrooms", "GetCollaboration", "GET", "/collaborations/{collaborationIdentifier}", false, GetCollaboration);
        routes.Rest("cleanrooms", "ListMembers", "GET", "/collaborations/{collaborationIdentifier}/members", false, ListMembers);
    }

    private static OperationResult ListCollaborations(OperationContext context)
    {
        var filter = Lookups.EnumQuery(context, "memberStatus", FilterableMemberStatus);
        var world = context.World;
        var visible = world.State.Collaborations
            .Where(c => Lookups.IsVisibleTo(c, context.AccountId)
                        && (filter is null || c.Members.Any(m => m.AccountId == context.AccountId && m.Status == filter)));
        var items = Lookups.Stable(context, visible, c => c.CreateTime, c => c.Id);
        return OperationResult.Json(Paginator.ListResponse(context, "collaborationList", items,
            c => CleanRoomsJson.CollaborationSummary(world, c, context.AccountId)));
    }

    private static OperationResult GetCollaboration(OperationContext context)
    {
        var collaboration = Lookups.Collaboration(context);
        return OperationResult.Json(new JsonObject
        {
            ["collaboration"] = CleanRoomsJson.Collaboration(context.World, collaboration, context.AccountId),
        });
    }

    private static OperationResult ListMembers(OperationContext context)
    {
        var collaboration = Lookups.Collaboration(context);
        var items = Lookups.Stable(context, collaboration.Members, m => m.CreateTime, m => m.AccountId);
        return OperationResult.Json(Paginator.ListResponse(context, "memberSummaries", items,
            m => CleanRoomsJson.MemberSummary(context.World, m)));
    }
}
