using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// A table association as the collaboration sees it: a schema named after the association, with the
/// configured table's rules as <c>policy</c> and the association's rule as <c>collaborationPolicy</c>.
/// </summary>
public sealed record SchemaView(CollaborationRecord Collaboration, MembershipRecord Membership, TableAssociationRecord Association, ConfiguredTableRecord Table)
{
    /// <summary>Every association of every active member of the collaboration, once the read-after-write lag lets it show.</summary>
    public static List<SchemaView> All(World world, CollaborationRecord collaboration)
    {
        var memberships = world.State.Memberships.Where(m => m.CollaborationId == collaboration.Id && m.Status == "ACTIVE");
        return memberships.SelectMany(m => world.State.TableAssociations.In(m.Id).Where(a => !Lookups.IsLagging(world, a.CreateTime)).Select(a =>
                new SchemaView(collaboration, m, a, world.State.ConfiguredTables.First(t => t.Id == a.ConfiguredTableId))))
            .OrderBy(s => s.Association.Name, StringComparer.Ordinal).ToList();
    }

    public string Name => Association.Name;

    public JsonObject Summary(World world) => new()
    {
        ["name"] = Name,
        ["type"] = "TABLE",
        ["creatorAccountId"] = Membership.AccountId,
        ["createTime"] = Association.CreateTime,
        ["updateTime"] = Association.UpdateTime,
        ["collaborationId"] = Collaboration.Id,
        ["collaborationArn"] = world.CollaborationArn(Collaboration),
        ["analysisRuleTypes"] = CleanRoomsJson.StringArray(Table.AnalysisRuleTypes),
        ["analysisMethod"] = Table.AnalysisMethod,
    };

    public JsonObject Full(World world)
    {
        var json = Summary(world);
        var glue = world.State.GlueTables.FirstOrDefault(g => g.AccountId == Table.AccountId && g.DatabaseName == Table.GlueDatabaseName && g.Name == Table.GlueTableName);
        var partitions = glue?.PartitionKeys.Select(p => p.Name).ToHashSet() ?? [];
        json["columns"] = Columns(glue, Table.AllowedColumns.Where(c => !partitions.Contains(c)));
        json["partitionKeys"] = Columns(glue, Table.AllowedColumns.Where(partitions.Contains));
        json["description"] = Association.Description ?? ""; // required in the Schema shape, even when the association has none
        json["schemaStatusDetails"] = new JsonArray([.. SchemaStatus.Details(world, Table, Association, Collaboration)]);
        return json;
    }

    /// <summary>The schema's analysis rule of one type, or null when the configured table has none of that type.</summary>
    public JsonObject? AnalysisRule(string type)
    {
        var tableRule = Table.Rules.FirstOrDefault(r => r.Type == type);
        if (tableRule is null) return null;
        var associationRule = Association.Rules.FirstOrDefault(r => r.Type == type);
        var policy = ConfiguredTableRulePolicy.Render(tableRule);
        var json = new JsonObject
        {
            ["collaborationId"] = Collaboration.Id,
            ["type"] = type,
            ["name"] = Name,
            ["createTime"] = tableRule.CreateTime,
            ["updateTime"] = Math.Max(tableRule.UpdateTime, associationRule?.UpdateTime ?? 0),
            ["policy"] = policy,
        };
        if (associationRule is null) return json;

        var collaborationPolicy = CleanRoomsJson.RulePolicy(associationRule);
        json["collaborationPolicy"] = collaborationPolicy;
        var consolidated = (JsonObject)policy.DeepClone();
        var variant = consolidated["v1"]![type.ToLowerInvariant()]!.AsObject();
        foreach (var (key, value) in collaborationPolicy["v1"]![type.ToLowerInvariant()]!.AsObject()) variant[key] = value?.DeepClone();
        json["consolidatedPolicy"] = consolidated;
        return json;
    }

    private static JsonArray Columns(GlueTableRecord? glue, IEnumerable<string> names) => new(names.Select(n => (JsonNode)new JsonObject
    {
        ["name"] = n,
        ["type"] = glue?.Columns.Concat(glue.PartitionKeys).FirstOrDefault(c => c.Name == n)?.Type ?? "string",
    }).ToArray());
}
