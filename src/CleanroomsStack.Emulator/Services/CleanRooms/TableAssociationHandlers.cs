using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>Configured table associations: a configured table shared into a membership under a table alias.</summary>
public sealed class TableAssociationHandlers : MembershipChildKind<TableAssociationRecord>
{
    public TableAssociationHandlers()
        : base(new ChildKindNames("ConfiguredTableAssociation", "configuredTableAssociations", "configuredTableAssociation",
                Lookups.TableAssociationType, "configured table association", "Configured table associations per membership"),
            state => state.TableAssociations, quotas => quotas.TableAssociationsPerMembership)
    {
    }

    public override string Arn(World world, MembershipRecord membership, TableAssociationRecord child) => world.TableAssociationArn(membership, child);

    protected override CreateRequest<TableAssociationRecord> ParseCreate(JsonObject body)
    {
        var v = new FieldValidator();
        var name = v.String(body, "name", true, 0, 128, Patterns.TableAlias());
        var tableId = v.String(body, "configuredTableIdentifier", true, 36, 36, Patterns.Uuid());
        var roleArn = v.String(body, "roleArn", true, 32, 512, Patterns.RoleArn());
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        v.ThrowIfInvalid();

        return new CreateRequest<TableAssociationRecord>(n => new TableAssociationRecord
        {
            Id = n.Id,
            MembershipId = n.MembershipId,
            // The alias is the SQL table name inside the collaboration and is stored lowercase.
            Name = name!.ToLowerInvariant(),
            ConfiguredTableId = tableId!,
            RoleArn = roleArn!,
            Description = description,
            CreateTime = n.Now,
            UpdateTime = n.Now,
        }, tags);
    }

    protected override UpdateRequest<TableAssociationRecord> ParseUpdate(JsonObject body)
    {
        var v = new FieldValidator();
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var roleArn = v.String(body, "roleArn", false, 32, 512, Patterns.RoleArn());
        v.ThrowIfInvalid();

        return new UpdateRequest<TableAssociationRecord>(null, association =>
        {
            if (description is not null) association.Description = description;
            if (roleArn is not null) association.RoleArn = roleArn;
        });
    }

    /// <summary>The configured table must be the caller's, and a table is associated to a membership at most once.</summary>
    protected override void CheckCreate(OperationContext context, MembershipRecord membership, TableAssociationRecord child)
    {
        var table = context.World.State.ConfiguredTables.FirstOrDefault(t => t.Id == child.ConfiguredTableId && t.AccountId == context.AccountId)
                    ?? throw Errors.NotFound(Lookups.ConfiguredTableType, child.ConfiguredTableId, "Configured table");
        // Association names are the collaboration's schema names, one per name across every member.
        var schema = SchemaView.All(context.World, context.World.Collaboration(membership.CollaborationId))
            .FirstOrDefault(s => s.Membership.Id != membership.Id && string.Equals(s.Name, child.Name, StringComparison.OrdinalIgnoreCase));
        if (schema is not null)
            throw Errors.Conflict("ALREADY_EXISTS", $"A schema named '{schema.Name}' already exists in collaboration {membership.CollaborationId}.");
        var sameTable = Store(context.World.State).In(membership.Id).FirstOrDefault(a => a.ConfiguredTableId == table.Id);
        if (sameTable is not null)
        {
            throw Errors.Conflict("ALREADY_EXISTS", $"Configured table {table.Id} is already associated to membership {membership.Id} as '{sameTable.Name}'.",
                sameTable.Id, Names.ResourceType);
        }
    }

    protected override JsonObject Summary(World world, MembershipRecord membership, TableAssociationRecord child) =>
        CleanRoomsJson.TableAssociationSummary(world, membership, child);

    protected override JsonObject Full(World world, MembershipRecord membership, TableAssociationRecord child) =>
        CleanRoomsJson.TableAssociation(world, membership, child);
}
