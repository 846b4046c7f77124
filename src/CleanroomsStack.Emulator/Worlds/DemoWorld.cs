using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Worlds;

/// <summary>
/// The world shipped with the project: a data provider account (ours) with configured tables and an ID
/// namespace, invited into three partner collaborations. Every id and timestamp is fixed so runs are repeatable.
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

    /// <summary>2025-01-01T00:00:00Z: the moment the demo world was "created".</summary>
    public const double Epoch = 1735689600;

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

    /// <summary>The SSO access token the demo portal accepts (put it in an SSO token cache file to test SSO profiles).</summary>
    public const string SsoAccessToken = "demo-sso-access-token";

    public static string AccessKeyId(string accountId) => $"AKIA{accountId}TEST";

    public static string SecretAccessKey(string accountId) => $"demo-secret-{accountId}";

    public static EmulatorState Build()
    {
        var state = new EmulatorState { SsoAccessTokens = [SsoAccessToken] };
        state.Accounts.Add(Account(OurAccount, "ACX"));
        state.Accounts.Add(Account(AmcAccount, "AMC"));
        state.Accounts.Add(Account(RetailAccount, "Retail Media Partner"));
        state.Accounts.Add(Account(MeasurementAccount, "Measurement Partner"));

        state.GlueDatabases.Add(new GlueDatabaseRecord { AccountId = OurAccount, Name = GlueDatabase, CreateTime = Epoch });
        var offset = 0;
        foreach (var name in PartTables.Concat(OtherTables))
        {
            state.GlueTables.Add(new GlueTableRecord
            {
                AccountId = OurAccount,
                DatabaseName = GlueDatabase,
                Name = name,
                Columns = [new GlueColumnRecord { Name = "customer_id" }, new GlueColumnRecord { Name = "value" }],
                Location = $"s3://omc-flywheel-prod/{name}/",
                CreateTime = Epoch,
                UpdateTime = Epoch,
            });
            state.ConfiguredTables.Add(new ConfiguredTableRecord
            {
                Id = DeterministicId.From($"configured-table/{OurAccount}/{name}"),
                AccountId = OurAccount,
                Name = name,
                Description = $"ACX {name.Replace('_', ' ')} attributes",
                GlueDatabaseName = GlueDatabase,
                GlueTableName = name,
                AllowedColumns = ["customer_id", "value"],
                Rules = [new ConfiguredTableRuleRecord { Type = "CUSTOM", AllowedAnalyses = ["ANY_QUERY"], CreateTime = Epoch + offset, UpdateTime = Epoch + offset }],
                CreateTime = Epoch + offset,
                UpdateTime = Epoch + offset,
            });
            offset += 60;
        }

        state.IdNamespaces.Add(new IdNamespaceRecord
        {
            AccountId = OurAccount,
            Name = IdNamespaceName,
            Type = "SOURCE",
            Description = "ACX unique customer identifiers",
            CreatedAt = Epoch,
            UpdatedAt = Epoch,
        });

        AddCollaboration(state, AmcCollaborationId, "AMC Collaboration", AmcAccount, "AMC", Epoch + 86400,
            (RetailAccount, "Retail Media Partner", ["CAN_RECEIVE_RESULTS"]));
        AddCollaboration(state, RetailCollaborationId, "Retail Media Collaboration", RetailAccount, "Retail Media Partner", Epoch + 2 * 86400);
        AddCollaboration(state, MeasurementCollaborationId, "Measurement Collaboration", MeasurementAccount, "Measurement Partner", Epoch + 3 * 86400);
        return state;
    }

    private static AccountRecord Account(string accountId, string displayName) => new()
    {
        AccountId = accountId,
        AccessKeyId = AccessKeyId(accountId),
        SecretAccessKey = SecretAccessKey(accountId),
        DisplayName = displayName,
    };

    /// <summary>
    /// A partner collaboration: the creator can query, receives results, pays and has joined; other partners
    /// listed have joined too; our account is invited as a data provider with no abilities.
    /// </summary>
    private static void AddCollaboration(EmulatorState state, string id, string name, string creator, string creatorName, double created,
        params (string Account, string DisplayName, string[] Abilities)[] otherPartners)
    {
        var collaboration = new CollaborationRecord
        {
            Id = id,
            Name = name,
            Description = $"{name} with ACX data",
            CreatorAccountId = creator,
            CreatorDisplayName = creatorName,
            QueryLogStatus = "ENABLED",
            AnalyticsEngine = "CLEAN_ROOMS_SQL",
            DataEncryptionMetadata = null,
            CreateTime = created,
            UpdateTime = created,
        };

        var joined = new List<(string Account, string DisplayName, string[] Abilities, bool Pays)>
        {
            (creator, creatorName, ["CAN_QUERY", "CAN_RECEIVE_RESULTS"], true),
        };
        joined.AddRange(otherPartners.Select(p => (p.Account, p.DisplayName, p.Abilities, false)));
        foreach (var (account, displayName, abilities, pays) in joined)
        {
            var membershipId = DeterministicId.From($"membership/{account}/{id}");
            state.Memberships.Add(new MembershipRecord
            {
                Id = membershipId,
                AccountId = account,
                CollaborationId = id,
                QueryLogStatus = "ENABLED",
                PaysForQueries = pays,
                CreateTime = created + 60,
                UpdateTime = created + 60,
            });
            collaboration.Members.Add(Member(account, displayName, abilities, pays, created, "ACTIVE", membershipId));
        }

        collaboration.Members.Add(Member(OurAccount, "ACX", [], false, created, "INVITED", null));
        state.Collaborations.Add(collaboration);
    }

    private static MemberRecord Member(string account, string displayName, string[] abilities, bool pays, double created, string status, string? membershipId) => new()
    {
        AccountId = account,
        DisplayName = displayName,
        Abilities = [.. abilities],
        PaysForQueries = pays,
        Status = status,
        MembershipId = membershipId,
        CreateTime = created,
        UpdateTime = created + (membershipId is null ? 0 : 60),
    };
}
