using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>ID mapping tables of a membership, fed by an Entity Resolution ID mapping workflow.</summary>
public sealed class IdMappingTableHandlers : MembershipChildKind<IdMappingTableRecord>
{
    public IdMappingTableHandlers()
        : base(new ChildKindNames("IdMappingTable", "idmappingtables", "idMappingTable",
                "ID_MAPPING_TABLE", "ID mapping table", "ID mapping tables per membership"),
            state => state.IdMappingTables, quotas => quotas.IdMappingTablesPerMembership)
    {
    }

    public override string Arn(World world, MembershipRecord membership, IdMappingTableRecord child) => world.IdMappingTableArn(membership, child);

    protected override CreateRequest<IdMappingTableRecord> ParseCreate(JsonObject body)
    {
        var v = new FieldValidator();
        var name = v.String(body, "name", true, 0, 128, Patterns.TableAlias());
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var reference = v.Object(body, "inputReferenceConfig", true);
        var arn = v.String(reference, "inputReferenceConfig.inputReferenceArn", reference is not null, 20, 2048, Patterns.IdMappingWorkflowArn());
        var manage = v.Bool(reference, "inputReferenceConfig.manageResourcePolicies", reference is not null);
        var kms = v.String(body, "kmsKeyArn", false, 20, 2048, Patterns.KmsKeyArn());
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        v.ThrowIfInvalid();

        return new CreateRequest<IdMappingTableRecord>(n => new IdMappingTableRecord
        {
            Id = n.Id,
            MembershipId = n.MembershipId,
            Name = name!,
            Description = description,
            InputReferenceArn = arn!,
            ManageResourcePolicies = manage!.Value,
            KmsKeyArn = kms,
            CreateTime = n.Now,
            UpdateTime = n.Now,
        }, tags);
    }

    /// <summary>Only the description and the KMS key change in place.</summary>
    protected override UpdateRequest<IdMappingTableRecord> ParseUpdate(JsonObject body)
    {
        var v = new FieldValidator();
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var kms = v.String(body, "kmsKeyArn", false, 20, 2048, Patterns.KmsKeyArn());
        v.ThrowIfInvalid();

        return new UpdateRequest<IdMappingTableRecord>(null, table =>
        {
            if (description is not null) table.Description = description;
            if (kms is not null) table.KmsKeyArn = kms;
        });
    }

    protected override JsonObject Summary(World world, MembershipRecord m, IdMappingTableRecord t)
    {
        var json = CleanRoomsJson.MembershipChildBase(world, m, t, Arn(world, m, t));
        json["inputReferenceConfig"] = new JsonObject
        {
            ["inputReferenceArn"] = t.InputReferenceArn,
            ["manageResourcePolicies"] = t.ManageResourcePolicies,
        };
        if (t.Description is not null) json["description"] = t.Description;
        return json;
    }

    /// <summary>The full shape; its input sources are the membership's ID namespace associations.</summary>
    protected override JsonObject Full(World world, MembershipRecord m, IdMappingTableRecord t)
    {
        var json = Summary(world, m, t);
        var sources = world.State.IdNamespaceAssociations.In(m.Id).OrderBy(a => a.CreateTime).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => (JsonNode)new JsonObject
            {
                ["idNamespaceAssociationId"] = a.Id,
                ["type"] = IdNamespaceAssociationHandlers.NamespaceType(world, a),
            }).ToArray();
        json["inputReferenceProperties"] = new JsonObject { ["idMappingTableInputSource"] = new JsonArray(sources) };
        if (t.KmsKeyArn is not null) json["kmsKeyArn"] = t.KmsKeyArn;
        return json;
    }
}
