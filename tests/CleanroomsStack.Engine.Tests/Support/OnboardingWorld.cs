using System.Text.Json.Nodes;

namespace CleanroomsStack.Engine.Tests.Support;

/// <summary>
/// A world file with our account invited to <c>count</c> collaborations by one partner that can receive results, two
/// configured tables of ours (t_alpha, t_beta, CUSTOM rule) and one ID namespace of ours; and the config that joins
/// them all. Small on purpose: every collaboration plans 1 membership + 2 associations + 2 rules + 1 ID namespace
/// association = 6 creates.
/// </summary>
public static class OnboardingWorld
{
    public const string Us = "239083076653";
    public const string Partner = "657425294073";
    public const string NamespaceName = "OurNamespace";
    public const string NamespaceArn = $"arn:aws:entityresolution:us-east-1:{Us}:idnamespace/{NamespaceName}";
    public const int ChangesPerCollaboration = 6;

    public static string CollaborationId(int n) => $"00000000-0000-4000-8000-{n:D12}";

    /// <param name="tables">Configured tables of ours: t_alpha, t_beta, then t_03, t_04, …</param>
    public static string WorldJson(int count, int tables = 2)
    {
        var collaborations = new JsonArray();
        for (var n = 1; n <= count; n++)
        {
            collaborations.Add(new JsonObject
            {
                ["id"] = CollaborationId(n), ["name"] = $"Collaboration {n:D2}", ["creatorAccountId"] = Partner,
                ["creatorDisplayName"] = "Partner", ["queryLogStatus"] = "ENABLED", ["createTime"] = 1735689600, ["updateTime"] = 1735689600,
                ["members"] = new JsonArray
                {
                    new JsonObject { ["accountId"] = Partner, ["displayName"] = "Partner", ["abilities"] = new JsonArray("CAN_QUERY", "CAN_RECEIVE_RESULTS"),
                        ["paysForQueries"] = true, ["status"] = "ACTIVE" },
                    new JsonObject { ["accountId"] = Us, ["displayName"] = "Us", ["status"] = "INVITED" },
                },
            });
        }
        var world = new JsonObject
        {
            ["accounts"] = new JsonArray
            {
                Account(Us, "Us"),
                Account(Partner, "Partner"),
            },
            ["collaborations"] = collaborations,
            ["configuredTables"] = new JsonArray(Enumerable.Range(1, tables).Select(n => (JsonNode)Table(n, TableName(n))).ToArray()),
            ["idNamespaces"] = new JsonArray(new JsonObject { ["accountId"] = Us, ["name"] = NamespaceName, ["type"] = "SOURCE" },
                new JsonObject { ["accountId"] = Partner, ["name"] = "PartnerNamespace", ["type"] = "SOURCE" }),
        };
        return world.ToJsonString();
    }

    /// <summary>The config joining collaborations 1..count; <paramref name="overrides"/> adds settings to one collaboration by number.</summary>
    public static string Config(int count, IReadOnlyDictionary<int, string>? overrides = null)
    {
        var entries = Enumerable.Range(1, count).Select(n =>
            $"  - name: Collaboration {n:D2}\n    id: {CollaborationId(n)}\n" +
            (overrides is not null && overrides.TryGetValue(n, out var extra) ? extra : ""));
        return $$"""
            version: 1
            defaults:
              region: us-east-1
              membership: { queryLogStatus: ENABLED }
              tables: { include: ["t_*"] }
              association:
                nameTemplate: "acx_{table}"
                role: cleanrooms-glue-s3-access
              analysisRule:
                type: CUSTOM
                allowedResultReceivers: auto
                allowedAdditionalAnalyses: []
              idNamespaceAssociations:
                - name: {{NamespaceName}}
                  arn: {{NamespaceArn}}
                  description: our identifiers
                  manageResourcePolicies: true
                  allowUseAsDimensionColumn: false
            collaborations:

            """ + string.Concat(entries);
    }

    private static JsonObject Account(string id, string name) => new()
    {
        ["accountId"] = id, ["accessKeyId"] = AccessKeyId(id), ["secretAccessKey"] = SecretAccessKey(id), ["displayName"] = name,
    };

    public static string AccessKeyId(string account) => $"AKIA{account}TEST";

    public static string SecretAccessKey(string account) => $"test-secret-{account}";

    private static string TableName(int n) => n switch { 1 => "t_alpha", 2 => "t_beta", _ => $"t_{n:D2}" };

    private static JsonObject Table(int n, string name) => new()
    {
        ["id"] = $"00000000-0000-4000-9000-{n:D12}", ["accountId"] = Us, ["name"] = name, ["glueDatabaseName"] = "db",
        ["glueTableName"] = name, ["allowedColumns"] = new JsonArray("id"), ["analysisRuleTypes"] = new JsonArray("CUSTOM"),
    };
}
