using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>The caller's configured tables (over Glue tables) and their own analysis rules.</summary>
public static class ConfiguredTableHandlers
{
    private const string Item = "/configuredTables/{configuredTableIdentifier}";
    private static readonly string[] AnalysisMethods = ["DIRECT_QUERY", "DIRECT_JOB", "MULTIPLE"];
    private static readonly string[] SelectedMethods = ["DIRECT_QUERY", "DIRECT_JOB"];

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "CreateConfiguredTable", "POST", "/configuredTables", true, Create);
        routes.Rest("cleanrooms", "ListConfiguredTables", "GET", "/configuredTables", false, List);
        routes.Rest("cleanrooms", "GetConfiguredTable", "GET", Item, false, Get);
        routes.Rest("cleanrooms", "UpdateConfiguredTable", "PATCH", Item, true, Update);
        routes.Rest("cleanrooms", "DeleteConfiguredTable", "DELETE", Item, true, Delete);
        routes.Rest("cleanrooms", "CreateConfiguredTableAnalysisRule", "POST", Item + "/analysisRule", true, CreateRule);
        routes.Rest("cleanrooms", "GetConfiguredTableAnalysisRule", "GET", Item + "/analysisRule/{analysisRuleType}", false, GetRule);
        routes.Rest("cleanrooms", "UpdateConfiguredTableAnalysisRule", "PATCH", Item + "/analysisRule/{analysisRuleType}", true, UpdateRule);
        routes.Rest("cleanrooms", "DeleteConfiguredTableAnalysisRule", "DELETE", Item + "/analysisRule/{analysisRuleType}", true, DeleteRule);
    }

    private static OperationResult Create(OperationContext context)
    {
        var body = context.Body;
        var v = new FieldValidator();
        var name = v.String(body, "name", true, 1, 100, Patterns.DisplayName());
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var reference = v.Object(body, "tableReference", true);
        var glue = v.Object(reference, "tableReference.glue", reference is not null);
        var glueTable = v.String(glue, "tableReference.glue.tableName", glue is not null, 0, 128);
        var glueDatabase = v.String(glue, "tableReference.glue.databaseName", glue is not null, 0, 128);
        var glueRegion = v.String(glue, "tableReference.glue.region", false);
        var columns = v.StringList(body, "allowedColumns", true, 225, 1, 128, Patterns.ColumnName());
        var method = v.Enum(body, "analysisMethod", true, AnalysisMethods);
        var selected = v.StringList(body, "selectedAnalysisMethods", false);
        foreach (var s in selected ?? []) v.CheckEnum(s, "selectedAnalysisMethods", SelectedMethods);
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        if (columns is { Count: 0 }) v.Fail("allowedColumns", "Member must have length greater than or equal to 1");
        v.ThrowIfInvalid();

        var world = context.World;
        var source = world.State.GlueTables.FirstOrDefault(t => t.AccountId == context.AccountId && t.DatabaseName == glueDatabase && t.Name == glueTable)
                     ?? throw Errors.InvalidConfiguration($"Glue table {glueDatabase}.{glueTable} does not exist in account {context.AccountId}.");
        var missing = columns!.Where(c => source.Columns.Concat(source.PartitionKeys).All(g => g.Name != c)).ToList();
        if (missing.Count > 0)
            throw Errors.InvalidConfiguration($"allowedColumns not in Glue table {glueDatabase}.{glueTable}: {string.Join(", ", missing)}.");

        var quota = world.Options.Quotas.ConfiguredTablesPerAccount;
        if (world.State.ConfiguredTables.Count(t => t.AccountId == context.AccountId) >= quota)
            throw Errors.QuotaExceeded("Configured tables per account", quota);

        var now = world.Now();
        var table = new ConfiguredTableRecord
        {
            Id = world.NewId(),
            AccountId = context.AccountId,
            Name = name!,
            Description = description,
            GlueDatabaseName = glueDatabase!,
            GlueTableName = glueTable!,
            GlueRegion = glueRegion,
            AllowedColumns = columns!,
            AnalysisMethod = method!,
            SelectedAnalysisMethods = selected,
            CreateTime = now,
            UpdateTime = now,
        };
        world.State.ConfiguredTables.Add(table);
        if (tags is { Count: > 0 }) world.State.Tags[world.ConfiguredTableArn(table)] = tags;
        return Single(world, table);
    }

    private static OperationResult List(OperationContext context)
    {
        var world = context.World;
        var items = Lookups.Visible(context, world.State.ConfiguredTables.Where(t => t.AccountId == context.AccountId), t => t.CreateTime)
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        return OperationResult.Json(Paginator.ListResponse(context, "configuredTableSummaries", items,
            t => CleanRoomsJson.ConfiguredTableSummaryWithMethods(world, t)));
    }

    private static OperationResult Get(OperationContext context) => Single(context.World, Find(context));

    private static OperationResult Update(OperationContext context)
    {
        var table = Find(context);
        var v = new FieldValidator();
        var name = v.String(context.Body, "name", false, 1, 100, Patterns.DisplayName());
        var description = v.String(context.Body, "description", false, 0, 255, Patterns.Description());
        v.ThrowIfInvalid();

        if (name is not null) table.Name = name;
        if (description is not null) table.Description = description;
        table.UpdateTime = context.World.Now();
        return Single(context.World, table);
    }

    private static OperationResult Delete(OperationContext context)
    {
        var table = Find(context);
        var world = context.World;
        if (world.State.TableAssociations.Any(a => a.ConfiguredTableId == table.Id))
        {
            throw Errors.Conflict("SUBRESOURCES_EXIST", $"Configured table {table.Id} is still associated to memberships; delete the associations first.",
                table.Id, Lookups.ConfiguredTableType);
        }

        world.State.ConfiguredTables.Remove(table);
        world.State.Tags.Remove(world.ConfiguredTableArn(table));
        return OperationResult.NoContent();
    }

    private static OperationResult CreateRule(OperationContext context)
    {
        var v = new FieldValidator();
        var type = v.Enum(context.Body, "analysisRuleType", true, AnalysisRulePolicy.RuleTypes);
        var rule = ConfiguredTableRulePolicy.Read(v, context.Body, type, context.World.Now());
        v.ThrowIfInvalid();

        var table = Find(context);
        if (table.Rules.Any(r => r.Type == type))
            throw Errors.Conflict("ALREADY_EXISTS", $"Configured table {table.Id} already has a {type} analysis rule.", table.Id, Lookups.ConfiguredTableType);

        ConfiguredTableRulePolicy.CheckColumns(rule!, table);
        table.Rules.Add(rule!);
        table.UpdateTime = rule!.CreateTime;
        return SingleRule(context.World, table, rule);
    }

    private static OperationResult GetRule(OperationContext context)
    {
        var (table, rule) = FindRule(context);
        return SingleRule(context.World, table, rule);
    }

    private static OperationResult UpdateRule(OperationContext context)
    {
        var (table, existing) = FindRule(context);
        var v = new FieldValidator();
        var replacement = ConfiguredTableRulePolicy.Read(v, context.Body, existing.Type, existing.CreateTime);
        v.ThrowIfInvalid();

        ConfiguredTableRulePolicy.CheckColumns(replacement!, table);
        replacement!.UpdateTime = context.World.Now();
        table.Rules[table.Rules.IndexOf(existing)] = replacement;
        return SingleRule(context.World, table, replacement);
    }

    private static OperationResult DeleteRule(OperationContext context)
    {
        var (table, rule) = FindRule(context);
        table.Rules.Remove(rule);
        table.UpdateTime = context.World.Now();
        return OperationResult.NoContent();
    }

    private static ConfiguredTableRecord Find(OperationContext context)
    {
        var id = Lookups.UuidLabel(context, "configuredTableIdentifier");
        return context.World.State.ConfiguredTables.FirstOrDefault(t => t.Id == id && t.AccountId == context.AccountId)
               ?? throw Errors.NotFound(Lookups.ConfiguredTableType, id, "Configured table");
    }

    private static (ConfiguredTableRecord, ConfiguredTableRuleRecord) FindRule(OperationContext context)
    {
        var v = new FieldValidator();
        var type = v.CheckEnum(context.Label("analysisRuleType"), "analysisRuleType", AnalysisRulePolicy.RuleTypes);
        v.ThrowIfInvalid();
        var table = Find(context);
        var rule = table.Rules.FirstOrDefault(r => r.Type == type)
                   ?? throw Errors.NotFound(Lookups.ConfiguredTableType, table.Id, $"{type} analysis rule of configured table");
        return (table, rule);
    }

    private static OperationResult Single(World world, ConfiguredTableRecord table) =>
        OperationResult.Json(new JsonObject { ["configuredTable"] = CleanRoomsJson.ConfiguredTable(world, table) });

    private static OperationResult SingleRule(World world, ConfiguredTableRecord table, ConfiguredTableRuleRecord rule) =>
        OperationResult.Json(new JsonObject
        {
            ["analysisRule"] = new JsonObject
            {
                ["configuredTableId"] = table.Id,
                ["configuredTableArn"] = world.ConfiguredTableArn(table),
                ["policy"] = ConfiguredTableRulePolicy.Render(rule),
                ["type"] = rule.Type,
                ["createTime"] = rule.CreateTime,
                ["updateTime"] = rule.UpdateTime,
            },
        });
}
