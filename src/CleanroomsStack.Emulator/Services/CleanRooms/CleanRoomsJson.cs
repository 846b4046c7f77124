using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>Renders state records in the Clean Rooms wire shapes (facts §4), as seen by a given caller.</summary>
public static class CleanRoomsJson
{
    public static JsonObject CollaborationSummary(World world, CollaborationRecord c, string caller)
    {
        var me = c.Members.FirstOrDefault(m => m.AccountId == caller);
        var json = new JsonObject
        {
            ["id"] = c.Id,
            ["arn"] = world.CollaborationArn(c),
            ["name"] = c.Name,
            ["creatorAccountId"] = c.CreatorAccountId,
            ["creatorDisplayName"] = c.CreatorDisplayName,
            ["createTime"] = c.CreateTime,
            ["updateTime"] = c.UpdateTime,
            ["memberStatus"] = me?.Status ?? "INVITED",
        };
        AddMembershipLink(world, json, me);
        if (c.AnalyticsEngine is not null) json["analyticsEngine"] = c.AnalyticsEngine;
        return json;
    }

    public static JsonObject Collaboration(World world, CollaborationRecord c, string caller)
    {
        var json = CollaborationSummary(world, c, caller);
        if (c.Description is not null) json["description"] = c.Description;
        json["queryLogStatus"] = c.QueryLogStatus;
        if (c.JobLogStatus is not null) json["jobLogStatus"] = c.JobLogStatus;
        if (c.DataEncryptionMetadata is { } d)
        {
            json["dataEncryptionMetadata"] = new JsonObject
            {
                ["allowCleartext"] = d.AllowCleartext,
                ["allowDuplicates"] = d.AllowDuplicates,
                ["allowJoinsOnColumnsWithDifferentNames"] = d.AllowJoinsOnColumnsWithDifferentNames,
                ["preserveNulls"] = d.PreserveNulls,
            };
        }

        return json;
    }

    public static JsonObject MemberSummary(World world, MemberRecord m)
    {
        var json = new JsonObject
        {
            ["accountId"] = m.AccountId,
            ["status"] = m.Status,
            ["displayName"] = m.DisplayName,
            ["abilities"] = StringArray(m.Abilities),
            ["createTime"] = m.CreateTime,
            ["updateTime"] = m.UpdateTime,
            ["paymentConfiguration"] = PaymentKind.Render(m),
        };
        AddMembershipLink(world, json, m);
        return json;
    }

    public static JsonObject MembershipSummary(World world, MembershipRecord m)
    {
        var c = world.Collaboration(m.CollaborationId);
        var member = c.Members.First(x => x.AccountId == m.AccountId);
        return new JsonObject
        {
            ["id"] = m.Id,
            ["arn"] = world.MembershipArn(m),
            ["collaborationArn"] = world.CollaborationArn(c),
            ["collaborationId"] = c.Id,
            ["collaborationCreatorAccountId"] = c.CreatorAccountId,
            ["collaborationCreatorDisplayName"] = c.CreatorDisplayName,
            ["collaborationName"] = c.Name,
            ["createTime"] = m.CreateTime,
            ["updateTime"] = m.UpdateTime,
            ["status"] = m.Status,
            ["memberAbilities"] = StringArray(member.Abilities),
            ["paymentConfiguration"] = PaymentKind.Render(m),
        };
    }

    public static JsonObject Membership(World world, MembershipRecord m)
    {
        var json = MembershipSummary(world, m);
        json["queryLogStatus"] = m.QueryLogStatus;
        if (m.JobLogStatus is not null) json["jobLogStatus"] = m.JobLogStatus;
        if (m.IsMetricsEnabled is not null) json["isMetricsEnabled"] = m.IsMetricsEnabled;
        if (m.DefaultResultConfiguration is { } r)
        {
            var s3 = new JsonObject { ["resultFormat"] = r.ResultFormat, ["bucket"] = r.Bucket };
            if (r.KeyPrefix is not null) s3["keyPrefix"] = r.KeyPrefix;
            if (r.SingleFileOutput is not null) s3["singleFileOutput"] = r.SingleFileOutput;
            var config = new JsonObject { ["outputConfiguration"] = new JsonObject { ["s3"] = s3 } };
            if (r.RoleArn is not null) config["roleArn"] = r.RoleArn;
            json["defaultResultConfiguration"] = config;
        }

        if (m.DefaultJobResultConfiguration is { } j)
        {
            var s3 = new JsonObject { ["bucket"] = j.Bucket };
            if (j.KeyPrefix is not null) s3["keyPrefix"] = j.KeyPrefix;
            json["defaultJobResultConfiguration"] = new JsonObject
            {
                ["outputConfiguration"] = new JsonObject { ["s3"] = s3 },
                ["roleArn"] = j.RoleArn,
            };
        }

        return json;
    }

    public static JsonObject ConfiguredTableSummary(World world, ConfiguredTableRecord t) => new()
    {
        ["id"] = t.Id,
        ["arn"] = world.ConfiguredTableArn(t),
        ["name"] = t.Name,
        ["createTime"] = t.CreateTime,
        ["updateTime"] = t.UpdateTime,
        ["analysisRuleTypes"] = StringArray(t.AnalysisRuleTypes),
        ["analysisMethod"] = t.AnalysisMethod,
    };

    public static JsonObject ConfiguredTableSummaryWithMethods(World world, ConfiguredTableRecord t)
    {
        var json = ConfiguredTableSummary(world, t);
        if (t.SelectedAnalysisMethods is not null) json["selectedAnalysisMethods"] = StringArray(t.SelectedAnalysisMethods);
        return json;
    }

    public static JsonObject ConfiguredTable(World world, ConfiguredTableRecord t)
    {
        var json = ConfiguredTableSummaryWithMethods(world, t);
        if (t.Description is not null) json["description"] = t.Description;
        json["tableReference"] = new JsonObject
        {
            ["glue"] = t.GlueRegion is null
                ? new JsonObject { ["tableName"] = t.GlueTableName, ["databaseName"] = t.GlueDatabaseName }
                : new JsonObject { ["tableName"] = t.GlueTableName, ["databaseName"] = t.GlueDatabaseName, ["region"] = t.GlueRegion },
        };
        json["allowedColumns"] = StringArray(t.AllowedColumns);
        return json;
    }

    public static JsonObject TableAssociationSummary(World world, MembershipRecord m, TableAssociationRecord a)
    {
        var json = new JsonObject
        {
            ["arn"] = world.TableAssociationArn(m, a),
            ["id"] = a.Id,
            ["configuredTableId"] = a.ConfiguredTableId,
            ["membershipId"] = m.Id,
            ["membershipArn"] = world.MembershipArn(m),
            ["name"] = a.Name,
            ["createTime"] = a.CreateTime,
            ["updateTime"] = a.UpdateTime,
        };
        if (a.Rules.Count > 0) json["analysisRuleTypes"] = StringArray(a.Rules.Select(r => r.Type).Order(StringComparer.Ordinal));
        return json;
    }

    public static JsonObject TableAssociation(World world, MembershipRecord m, TableAssociationRecord a)
    {
        var json = TableAssociationSummary(world, m, a);
        var table = world.State.ConfiguredTables.First(t => t.Id == a.ConfiguredTableId);
        json["configuredTableArn"] = world.ConfiguredTableArn(table);
        json["roleArn"] = a.RoleArn;
        if (a.Description is not null) json["description"] = a.Description;
        return json;
    }

    public static JsonObject AnalysisRule(World world, MembershipRecord m, TableAssociationRecord a, AssociationRuleRecord r) => new()
    {
        ["membershipIdentifier"] = m.Id,
        ["configuredTableAssociationId"] = a.Id,
        ["configuredTableAssociationArn"] = world.TableAssociationArn(m, a),
        ["policy"] = RulePolicy(r),
        ["type"] = r.Type,
        ["createTime"] = r.CreateTime,
        ["updateTime"] = r.UpdateTime,
    };

    /// <summary>The policy union: <c>{"v1":{"custom":{…}}}</c> with the variant named after the rule type.</summary>
    public static JsonObject RulePolicy(AssociationRuleRecord r)
    {
        var variant = new JsonObject();
        if (r.AllowedResultReceivers is not null) variant["allowedResultReceivers"] = StringArray(r.AllowedResultReceivers);
        if (r.AllowedAdditionalAnalyses is not null) variant["allowedAdditionalAnalyses"] = StringArray(r.AllowedAdditionalAnalyses);
        return new JsonObject { ["v1"] = new JsonObject { [r.Type.ToLowerInvariant()] = variant } };
    }

    /// <summary>The members the summaries of ID namespace associations, ID mapping tables and analysis templates share.</summary>
    public static JsonObject MembershipChildBase(World world, MembershipRecord m, IMembershipChild child, string arn) => new()
    {
        ["id"] = child.Id,
        ["arn"] = arn,
        ["membershipId"] = m.Id,
        ["membershipArn"] = world.MembershipArn(m),
        ["collaborationId"] = m.CollaborationId,
        ["collaborationArn"] = world.CollaborationArn(world.Collaboration(m.CollaborationId)),
        ["name"] = child.Name,
        ["createTime"] = child.CreateTime,
        ["updateTime"] = child.UpdateTime,
    };

    public static JsonObject IdNamespaceAssociationSummary(World world, MembershipRecord m, IdNamespaceAssociationRecord a, string namespaceType)
    {
        var json = MembershipChildBase(world, m, a, world.IdNamespaceAssociationArn(m, a));
        json["inputReferenceConfig"] = new JsonObject
        {
            ["inputReferenceArn"] = a.InputReferenceArn,
            ["manageResourcePolicies"] = a.ManageResourcePolicies,
        };
        json["inputReferenceProperties"] = new JsonObject { ["idNamespaceType"] = namespaceType };
        if (a.Description is not null) json["description"] = a.Description;
        return json;
    }

    public static JsonObject IdNamespaceAssociation(World world, MembershipRecord m, IdNamespaceAssociationRecord a, string namespaceType)
    {
        var json = IdNamespaceAssociationSummary(world, m, a, namespaceType);
        json["inputReferenceProperties"] = new JsonObject
        {
            ["idNamespaceType"] = namespaceType,
            ["idMappingWorkflowsSupported"] = new JsonArray(),
        };
        if (a.AllowUseAsDimensionColumn is not null)
            json["idMappingConfig"] = new JsonObject { ["allowUseAsDimensionColumn"] = a.AllowUseAsDimensionColumn };
        return json;
    }

    public static JsonArray StringArray(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());

    private static void AddMembershipLink(World world, JsonObject json, MemberRecord? member)
    {
        if (member?.MembershipId is null) return;
        var membership = world.State.Memberships.First(m => m.Id == member.MembershipId);
        json["membershipId"] = membership.Id;
        json["membershipArn"] = world.MembershipArn(membership);
    }
}
