using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>Configured table associations: a configured table shared into a membership under a table alias.</summary>
public static class TableAssociationHandlers
{
    private const string Collection = "/memberships/{membershipIdentifier}/configuredTableAssociations";
    private const string Item = Collection + "/{configuredTableAssociationIdentifier}";

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "CreateConfiguredTableAssociation", "POST", Collection, true, Create);
        routes.Rest("cleanrooms", "ListConfiguredTableAssociations", "GET", Collection, false, List);
        routes.Rest("cleanrooms", "GetConfiguredTableAssociation", "GET", Item, false, Get);
        routes.Rest("cleanrooms", "UpdateConfiguredTableAssociation", "PATCH", Item, true, Update);
        routes.Rest("cleanrooms", "DeleteConfiguredTableAssociation", "DELETE", Item, true, Delete);
    }

    private static OperationResult Create(OperationContext context)
    {
        var body = context.Body;
        var v = new FieldValidator();
        var name = v.String(body, "name", true, 0, 128, Patterns.TableAlias());
        var tableId = v.String(body, "configuredTableIdentifier", true, 36, 36, Patterns.Uuid());
        var roleArn = v.String(body, "roleArn", true, 32, 512, Patterns.RoleArn());
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        v.ThrowIfInvalid();

        var world = context.World;
        var membership = Lookups.ActiveMembership(context);
        var table = world.State.ConfiguredTables.FirstOrDefault(t => t.Id == tableId && t.AccountId == context.AccountId)
                    ?? throw Errors.NotFound(Lookups.ConfiguredTableType, tableId!, "Configured table");

        // The alias is the SQL table name inside the collaboration and is stored lowercase, so names clash case-insensitively.
        var alias = name!.ToLowerInvariant();
        var siblings = world.State.TableAssociations.Where(a => a.MembershipId == membership.Id).ToList();
        var sameName = siblings.FirstOrDefault(a => a.Name == alias);
        if (sameName is not null)
        {
            throw Errors.Conflict("ALREADY_EXISTS", $"A configured table association named '{alias}' already exists in membership {membership.Id}.",
                sameName.Id, Lookups.TableAssociationType);
        }

        var sameTable = siblings.FirstOrDefault(a => a.ConfiguredTableId == table.Id);
        if (sameTable is not null)
        {
            throw Errors.Conflict("ALREADY_EXISTS", $"Configured table {table.Id} is already associated to membership {membership.Id} as '{sameTable.Name}'.",
                sameTable.Id, Lookups.TableAssociationType);
        }

        var quota = world.Options.Quotas.TableAssociationsPerMembership;
        if (siblings.Count >= quota) throw Errors.QuotaExceeded("Configured table associations per membership", quota);

        var now = world.Now();
        var association = new TableAssociationRecord
        {
            Id = world.NewId(),
            MembershipId = membership.Id,
            Name = alias,
            ConfiguredTableId = table.Id,
            RoleArn = roleArn!,
            Description = description,
            CreateTime = now,
            UpdateTime = now,
        };
        world.State.TableAssociations.Add(association);
        if (tags is { Count: > 0 }) world.State.Tags[world.TableAssociationArn(membership, association)] = tags;
        return Single(world, membership, association);
    }

    private static OperationResult List(OperationContext context)
    {
        var world = context.World;
        var membership = Lookups.Membership(context);
        var items = Lookups.Stable(context, world.State.TableAssociations.Where(a => a.MembershipId == membership.Id), a => a.CreateTime, a => a.Id);
        return OperationResult.Json(Paginator.ListResponse(context, "configuredTableAssociationSummaries", items,
            a => CleanRoomsJson.TableAssociationSummary(world, membership, a)));
    }

    private static OperationResult Get(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        return Single(context.World, membership, Lookups.TableAssociation(context, membership));
    }

    private static OperationResult Update(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var association = Lookups.TableAssociation(context, membership);
        var v = new FieldValidator();
        var description = v.String(context.Body, "description", false, 0, 255, Patterns.Description());
        var roleArn = v.String(context.Body, "roleArn", false, 32, 512, Patterns.RoleArn());
        v.ThrowIfInvalid();

        if (description is not null) association.Description = description;
        if (roleArn is not null) association.RoleArn = roleArn;
        association.UpdateTime = context.World.UpdatedSince(association.UpdateTime);
        return Single(context.World, membership, association);
    }

    private static OperationResult Delete(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var association = Lookups.TableAssociation(context, membership);
        context.World.State.TableAssociations.Remove(association);
        context.World.State.Tags.Remove(context.World.TableAssociationArn(membership, association));
        return OperationResult.NoContent();
    }

    private static OperationResult Single(World world, MembershipRecord membership, TableAssociationRecord association) =>
        OperationResult.Json(new JsonObject
        {
            ["configuredTableAssociation"] = CleanRoomsJson.TableAssociation(world, membership, association),
        });
}
