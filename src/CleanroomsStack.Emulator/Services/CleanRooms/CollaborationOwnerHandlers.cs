using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// What only a collaboration's creator may do: rename it, remove a member, delete it. These let tests build the
/// drift a data provider meets in real life (a partner removes us, or deletes the collaboration).
/// </summary>
public static class CollaborationOwnerHandlers
{
    private const string Item = "/collaborations/{collaborationIdentifier}";
    private static readonly string[] Engines = ["SPARK", "CLEAN_ROOMS_SQL"];

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "UpdateCollaboration", "PATCH", Item, true, Update);
        routes.Rest("cleanrooms", "DeleteCollaboration", "DELETE", Item, true, Delete);
        routes.Rest("cleanrooms", "DeleteMember", "DELETE", Item + "/member/{accountId}", true, DeleteMember);
    }

    private static OperationResult Update(OperationContext context)
    {
        var collaboration = Owned(context);
        var v = new FieldValidator();
        var name = v.String(context.Body, "name", false, 1, 100, Patterns.DisplayName());
        var description = v.String(context.Body, "description", false, 1, 255, Patterns.CollaborationDescription());
        var engine = v.Enum(context.Body, "analyticsEngine", false, Engines);
        v.ThrowIfInvalid();

        if (name is not null) collaboration.Name = name;
        if (description is not null) collaboration.Description = description;
        if (engine is not null) collaboration.AnalyticsEngine = engine;
        collaboration.UpdateTime = context.World.Now();
        return OperationResult.Json(new JsonObject
        {
            ["collaboration"] = CleanRoomsJson.Collaboration(context.World, collaboration, context.AccountId),
        });
    }

    /// <summary>The collaboration disappears; every active membership in it becomes COLLABORATION_DELETED.</summary>
    private static OperationResult Delete(OperationContext context)
    {
        var collaboration = Owned(context);
        var now = context.World.Now();
        collaboration.Status = "DELETED";
        collaboration.UpdateTime = now;
        foreach (var membership in context.World.State.Memberships.Where(m => m.CollaborationId == collaboration.Id && m.Status == "ACTIVE"))
        {
            membership.Status = "COLLABORATION_DELETED";
            membership.UpdateTime = now;
        }

        return OperationResult.NoContent();
    }

    /// <summary>The member becomes REMOVED, and so does its membership if it had joined.</summary>
    private static OperationResult DeleteMember(OperationContext context)
    {
        var collaboration = Owned(context);
        var accountId = context.Label("accountId");
        var v = new FieldValidator();
        v.CheckString(accountId, "accountId", 12, 12, Patterns.AccountIdDigits());
        v.ThrowIfInvalid();
        if (accountId == context.AccountId)
            throw Errors.InvalidConfiguration("The collaboration creator cannot remove itself; delete the collaboration instead.");

        var member = collaboration.Members.FirstOrDefault(m => m.AccountId == accountId && m.Status is "INVITED" or "ACTIVE")
                     ?? throw Errors.NotFound(Lookups.CollaborationType, accountId, $"Member of collaboration {collaboration.Id}:");
        var now = context.World.Now();
        member.Status = "REMOVED";
        member.UpdateTime = now;
        var membership = context.World.State.Memberships.FirstOrDefault(m => m.Id == member.MembershipId);
        if (membership is not null)
        {
            membership.Status = "REMOVED";
            membership.UpdateTime = now;
        }

        return OperationResult.NoContent();
    }

    private static CollaborationRecord Owned(OperationContext context)
    {
        var collaboration = Lookups.Collaboration(context);
        if (collaboration.CreatorAccountId != context.AccountId)
            throw Errors.AccessDenied($"Only the creator of collaboration {collaboration.Id} can change it.");
        return collaboration;
    }
}
