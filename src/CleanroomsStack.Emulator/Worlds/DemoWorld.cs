using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Worlds;

/// <summary>
/// The world shipped with the project: a data provider account (ours) with Glue tables, configured tables and an
/// ID namespace, invited into three partner collaborations. It is built through the emulator's own operations
/// (<see cref="WorldScript"/>), with fixed ids and timestamps so every run starts from the same world.
/// </summary>
public static class DemoWorld
{
    public const string OurAccount = "239083076653";
    public const string AmcAccount = "921290734397";
    public const string RetailAccount = "657425294073";
    public const string MeasurementAccount = "803109464991";
    public const string AmcCollaborationId = "27b93e2b-5001-4b20-a47b-6aad96ec8958";
    public const string RetailCollaborationId = "5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60";
    public const string MeasurementCollaborationId = "8e4f2a6b-7c19-4d3e-b5a0-9f6e1d2c3b47";
    public const string IdNamespaceName = "ACXIdNamespace";
    public const string GlueDatabase = "omc_flywheel_prod";

    /// <summary>The SSO access token the demo portal accepts (put it in an SSO token cache file to test SSO profiles).</summary>
    public const string SsoAccessToken = "demo-sso-access-token";

    /// <summary>2025-01-01T00:00:00Z: the moment the demo world was "created".</summary>
    public const double Epoch = 1735689600;

    private const double Day = 86400;

    /// <summary>The 30 tables whose names start with <c>part_</c>; two of them are the n/a buckets users exclude.</summary>
    public static readonly IReadOnlyList<string> PartTables =
    [
        "part_age", "part_auto_make", "part_auto_owner", "part_credit_card_user", "part_dwelling_type",
        "part_education", "part_ethnicity", "part_gender", "part_home_owner", "part_home_value",
        "part_household_size", "part_income", "part_interests_cooking", "part_interests_sports", "part_interests_travel",
        "part_language", "part_length_of_residence", "part_mail_responder", "part_marital_status", "part_n_a",
        "part_n_a_a", "part_net_worth", "part_number_of_children", "part_occupation", "part_online_purchaser",
        "part_pet_owner", "part_political_affiliation", "part_presence_of_children", "part_religion", "part_zip4",
    ];

    public static readonly IReadOnlyList<string> OtherTables = ["address_master", "email_hashes", "households", "zip_demographics"];

    public static string AccessKeyId(string accountId) => $"AKIA{accountId}TEST";

    public static string SecretAccessKey(string accountId) => $"demo-secret-{accountId}";

    // Scripting the world runs ~100 operations; do it once per process and hand out copies.
    private static readonly Lazy<string> Built = new(() => StateSerializer.Serialize(Script()));

    /// <summary>A fresh copy of the demo world.</summary>
    public static EmulatorState Build() => StateSerializer.Deserialize(Built.Value, "demo world");

    private static EmulatorState Script()
    {
        var state = new EmulatorState
        {
            Accounts =
            [
                Account(OurAccount, "ACX"), Account(AmcAccount, "AMC"),
                Account(RetailAccount, "Retail Media Partner"), Account(MeasurementAccount, "Measurement Partner"),
            ],
            SsoAccessTokens = [SsoAccessToken],
        };
        var script = new WorldScript(state, Epoch, "demo-world");
        AddOurData(script);
        // Partners created their collaborations on the following days (timestamps other outputs are compared with).
        script.At(Epoch + 1 * Day);
        AddCollaboration(script, AmcCollaborationId, "AMC Collaboration", AmcAccount, "AMC", (RetailAccount, "Retail Media Partner"));
        script.At(Epoch + 2 * Day);
        AddCollaboration(script, RetailCollaborationId, "Retail Media Collaboration", RetailAccount, "Retail Media Partner");
        script.At(Epoch + 3 * Day);
        AddCollaboration(script, MeasurementCollaborationId, "Measurement Collaboration", MeasurementAccount, "Measurement Partner");
        return script.State;
    }

    /// <summary>
    /// Our Glue tables, a configured table with a CUSTOM analysis rule over each, and our ID namespace
    /// (public so generated worlds, e.g. the benchmark's, start from the same data).
    /// </summary>
    public static void AddOurData(WorldScript script)
    {
        script.Target(OurAccount, "glue", "AWSGlue.CreateDatabase", new JsonObject { ["DatabaseInput"] = new JsonObject { ["Name"] = GlueDatabase } });
        foreach (var name in PartTables.Concat(OtherTables))
        {
            script.Target(OurAccount, "glue", "AWSGlue.CreateTable", new JsonObject
            {
                ["DatabaseName"] = GlueDatabase,
                ["TableInput"] = new JsonObject
                {
                    ["Name"] = name,
                    ["StorageDescriptor"] = new JsonObject
                    {
                        ["Columns"] = new JsonArray(Column("customer_id"), Column("value")),
                        ["Location"] = $"s3://omc-flywheel-prod/{name}/",
                    },
                },
            });
            script.PinNextId(DeterministicId.From($"configured-table/{OurAccount}/{name}"));
            var table = script.Rest(OurAccount, "cleanrooms", "POST", "/configuredTables", new JsonObject
            {
                ["name"] = name,
                ["description"] = $"ACX {name.Replace('_', ' ')} attributes",
                ["tableReference"] = new JsonObject { ["glue"] = new JsonObject { ["databaseName"] = GlueDatabase, ["tableName"] = name } },
                ["allowedColumns"] = new JsonArray("customer_id", "value"),
                ["analysisMethod"] = "DIRECT_QUERY",
            });
            script.Rest(OurAccount, "cleanrooms", "POST", $"/configuredTables/{table["configuredTable"]!["id"]}/analysisRule", new JsonObject
            {
                ["analysisRuleType"] = "CUSTOM",
                ["analysisRulePolicy"] = new JsonObject { ["v1"] = new JsonObject { ["custom"] = new JsonObject { ["allowedAnalyses"] = new JsonArray("ANY_QUERY") } } },
            });
            script.Advance(60);
        }

        script.At(Epoch);
        script.Rest(OurAccount, "entityresolution", "POST", "/idnamespaces", new JsonObject
        {
            ["idNamespaceName"] = IdNamespaceName,
            ["type"] = "SOURCE",
            ["description"] = "ACX unique customer identifiers",
        });
    }

    /// <summary>
    /// A partner collaboration: the creator can query, receives results and pays; other partners listed can
    /// receive results; all of them have joined. Our account is invited as a data provider with no abilities.
    /// </summary>
    public static void AddCollaboration(WorldScript script, string id, string name, string creator, string creatorName,
        params (string Account, string DisplayName)[] receivers)
    {
        var members = new JsonArray(new JsonObject { ["accountId"] = OurAccount, ["displayName"] = "ACX", ["memberAbilities"] = new JsonArray() });
        foreach (var (account, displayName) in receivers)
            members.Add(new JsonObject { ["accountId"] = account, ["displayName"] = displayName, ["memberAbilities"] = new JsonArray("CAN_RECEIVE_RESULTS") });

        script.PinNextId(id);
        script.Rest(creator, "cleanrooms", "POST", "/collaborations", new JsonObject
        {
            ["name"] = name,
            ["description"] = $"{name} with ACX data",
            ["creatorDisplayName"] = creatorName,
            ["creatorMemberAbilities"] = new JsonArray("CAN_QUERY", "CAN_RECEIVE_RESULTS"),
            ["queryLogStatus"] = "ENABLED",
            ["analyticsEngine"] = "CLEAN_ROOMS_SQL",
            ["members"] = members,
        });
        script.Advance(60);
        foreach (var account in receivers.Select(r => r.Account).Prepend(creator))
        {
            script.PinNextId(DeterministicId.From($"membership/{account}/{id}"));
            script.Rest(account, "cleanrooms", "POST", "/memberships", new JsonObject { ["collaborationIdentifier"] = id, ["queryLogStatus"] = "ENABLED" });
        }
    }

    /// <summary>An account with the demo key pair (<see cref="AccessKeyId"/>, <see cref="SecretAccessKey"/>).</summary>
    public static AccountRecord Account(string accountId, string displayName) => new()
    {
        AccountId = accountId,
        AccessKeyId = AccessKeyId(accountId),
        SecretAccessKey = SecretAccessKey(accountId),
        DisplayName = displayName,
    };

    private static JsonObject Column(string name) => new() { ["Name"] = name, ["Type"] = "string" };
}
