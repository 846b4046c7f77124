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
        json["schemaStatusDetails"] = new JsonArray(Table.Rules.OrderBy(r => r.Type, StringComparer.Ordinal).SelectMany(StatusDetails).ToArray());
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

    /// <summary>READY only when the collaboration rule names who receives results and the table rule allows analyses.</summary>
    /// <summary>
    /// A DIRECT_ANALYSIS entry per table rule, and an ADDITIONAL_ANALYSIS entry when the association's rule allows
    /// additional analyses (ML models run on the table), as AWS's SchemaStatusDetail.analysisType distinguishes them.
    /// </summary>
    private IEnumerable<JsonNode> StatusDetails(ConfiguredTableRuleRecord tableRule)
    {
        var direct = StatusDetail(tableRule);
        yield return direct;
        if (Association.Rules.FirstOrDefault(r => r.Type == tableRule.Type)?.AllowedAdditionalAnalyses is { Count: > 0 })
        {
            var additional = (JsonObject)direct.DeepClone();
            additional["analysisType"] = "ADDITIONAL_ANALYSIS";
            yield return additional;
        }
    }

    private JsonObject StatusDetail(ConfiguredTableRuleRecord tableRule)
    {
        var reasons = new JsonArray();
        var associationRule = Association.Rules.FirstOrDefault(r => r.Type == tableRule.Type);
        if (associationRule is null || associationRule.AllowedResultReceivers is not { Count: > 0 })
            reasons.Add(Reason("RESULT_RECEIVERS_NOT_CONFIGURED", "No member is allowed to receive results for this table."));
        else if (associationRule.AllowedResultReceivers.Any(a => !Collaboration.Members.Any(m => m.AccountId == a && m.Abilities.Contains("CAN_RECEIVE_RESULTS"))))
            reasons.Add(Reason("RESULT_RECEIVERS_NOT_ALLOWED", "An allowed result receiver can't receive results in this collaboration."));
        if (tableRule.Type == "CUSTOM" && tableRule.AllowedAnalyses is not { Count: > 0 })
            reasons.Add(Reason("ANALYSIS_TEMPLATES_NOT_CONFIGURED", "The custom analysis rule allows no analyses."));

        return new JsonObject
        {
            ["status"] = reasons.Count == 0 ? "READY" : "NOT_READY",
            ["reasons"] = reasons,
            ["analysisRuleType"] = tableRule.Type,
            ["configurations"] = new JsonArray(),
            ["analysisType"] = "DIRECT_ANALYSIS",
        };
    }

    private static JsonObject Reason(string code, string message) => new() { ["code"] = code, ["message"] = message };

    private static JsonArray Columns(GlueTableRecord? glue, IEnumerable<string> names) => new(names.Select(n => (JsonNode)new JsonObject
    {
        ["name"] = n,
        ["type"] = glue?.Columns.Concat(glue.PartitionKeys).FirstOrDefault(c => c.Name == n)?.Type ?? "string",
    }).ToArray());
}
