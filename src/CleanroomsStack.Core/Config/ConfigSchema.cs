namespace CleanroomsStack.Core.Config;

/// <summary>A node of the declarative description of collaborations.yaml (what <see cref="ConfigSchema"/> lists).</summary>
/// <remarks>Leaves carry an Example: a valid value, used to build sample documents (tests feed them to the loader).</remarks>
public abstract record SchemaNode(string Description);

/// <summary>A mapping with a closed set of keys, or (with <paramref name="Values"/>) free-form keys such as tags.</summary>
/// <param name="Name">When set, the node is emitted once as a named definition and referred to.</param>
public sealed record ObjectNode(string Description, IReadOnlyList<SchemaProperty> Properties, string? Name = null,
    SchemaNode? Values = null, string? KeyPattern = null, int? MaxKeys = null) : SchemaNode(Description);

public sealed record SchemaProperty(string Key, SchemaNode Node, bool Required = false);

/// <param name="Counterexample">A value the loader rejects (checked by the tests against the loader and the pattern).</param>
/// <param name="DigitsMayBeUnquoted">The loader reads an unquoted 12-digit account id as text, where a typed YAML reader
/// (an editor's) sees a number: the schema accepts that number too.</param>
public sealed record StringNode(string Description, string Example, string? Pattern = null, IReadOnlyList<string>? Enum = null,
    int? MinLength = null, int? MaxLength = null, string? Counterexample = null, bool DigitsMayBeUnquoted = false) : SchemaNode(Description);

public sealed record BoolNode(string Description, bool Example) : SchemaNode(Description);

public sealed record IntNode(string Description, int Example, int Minimum, int Maximum) : SchemaNode(Description);

public sealed record ArrayNode(string Description, SchemaNode Items, int? MaxItems = null) : SchemaNode(Description);

/// <summary>Exactly one of the alternatives (e.g. 'auto' or a list of account ids).</summary>
public sealed record OneOfNode(string Description, IReadOnlyList<SchemaNode> Alternatives) : SchemaNode(Description);

/// <summary>
/// The keys, types, enums and patterns <see cref="ConfigLoader"/> enforces, as data: the one description the editor schema
/// (schema/collaborations.schema.json) is generated from. Tests check it against the loader key by key (unknown-key and
/// enum diagnostics) and pattern by pattern (its examples and counterexamples), so the two can't drift apart unnoticed.
/// Checks that span several keys or need the account (role present somewhere, duplicates, table selection) stay in the loader.
/// </summary>
public static class ConfigSchema
{
    private const string AccountIdPattern = "^[0-9]{12}$";
    private static readonly string[] LogStatuses = ["ENABLED", "DISABLED"];

    private static StringNode AccountId(string description) =>
        new(description, "921290734397", AccountIdPattern, Counterexample: "92129073439", DigitsMayBeUnquoted: true);

    private static StringNode Text(string description, string example) => new(description, example);

    private static StringNode DisplayName(string description, string example) =>
        new(description, example, "^[^\\r\\n]*\\S[^\\r\\n]*$", MinLength: 1, MaxLength: 100, Counterexample: "   ");

    private static StringNode Description(string description) => new(description, "Shared by ACX", MaxLength: 255);

    private static StringNode RoleNameOrArn(string description) => new(description, "cleanrooms-glue-s3-access",
        "^(arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9_+=,.@/-]+|[A-Za-z0-9_+=,.@-]{1,64})$", MaxLength: 512,
        Counterexample: "arn:aws:iam::123:role/x");

    private static ArrayNode Strings(string description, StringNode items, int? maxItems = null) => new(description, items, maxItems);

    private static SchemaProperty Key(string key, SchemaNode node, bool required = false) => new(key, node, required);

    public static ObjectNode Membership { get; } = new("Settings of the membership that accepting the invitation creates.",
    [
        Key("queryLogStatus", new StringNode("Query logging of our membership (DISABLED when not set).", "ENABLED", Enum: LogStatuses)),
        Key("jobLogStatus", new StringNode("Job logging of our membership; not managed when not set.", "DISABLED", Enum: LogStatuses)),
        Key("defaultResultConfiguration", new ObjectNode("Where query results go by default.",
        [
            Key("bucket", new StringNode("S3 bucket for results.", "acx-results", "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", Counterexample: "Bad_Bucket"), required: true),
            Key("keyPrefix", new StringNode("Key prefix inside the bucket.", "cleanrooms/", "^[A-Za-z0-9_!.=*/-]{0,512}$", Counterexample: "a b")),
            Key("resultFormat", new StringNode("Format of the result files.", "CSV", Enum: ["CSV", "PARQUET"])),
            Key("singleFileOutput", new BoolNode("Write each result as one file.", false)),
            Key("role", RoleNameOrArn("Role Clean Rooms assumes to write results: a role name (in our account) or a role ARN.")),
        ], Name: "defaultResultConfiguration")),
        Key("paymentConfiguration", new ObjectNode("Who pays; must match what the collaboration creator assigned.",
        [
            Key("queryCompute", new BoolNode("True if this account pays for query compute.", true), required: true),
            Key("jobCompute", new BoolNode("True if this account pays for job compute.", false)),
            Key("machineLearning", new ObjectNode("Machine learning costs this account pays for (Clean Rooms ML collaborations).",
            [
                Key("modelTraining", new BoolNode("True if this account pays for model training.", false)),
                Key("modelInference", new BoolNode("True if this account pays for model inference.", true)),
                Key("syntheticDataGeneration", new BoolNode("True if this account pays for synthetic data generation.", false)),
            ], Name: "machineLearningPayment")),
        ], Name: "paymentConfiguration")),
    ], Name: "membership");

    public static ObjectNode Tables { get; } = new("Which of our configured tables to associate.",
    [
        Key("include", Strings("Glob patterns ('*', '?') of table names to include (default ['*']).", Text("A glob pattern.", "part_*"))),
        Key("exclude", Strings("Glob patterns of table names to leave out.", Text("A glob pattern.", "part_n_a"))),
        Key("names", Strings("Tables by exact name; each must exist.", DisplayName("A configured table name.", "part_age"))),
        Key("max", new IntNode("At most this many tables per membership, in name order (default 25).", 25, 1, 1000)),
        Key("onExceed", new StringNode("When more tables match than max: keep the first max and warn, or refuse to plan.", "truncate", Enum: ["truncate", "error"])),
    ], Name: "tables");

    public static ObjectNode Association { get; } = new("How each table is associated.",
    [
        Key("nameTemplate", new StringNode("Association name; {table} is the table's name (default '{table}').", "acx_{table}",
            "^([^{}]|\\{table\\})*\\{table\\}([^{}]|\\{table\\})*$", Counterexample: "acx_{name}")),
        Key("role", RoleNameOrArn("IAM role Clean Rooms uses to read the table: a role name (in our account) or a role ARN. Required here or in defaults.")),
        Key("description", Description("Association description.")),
    ], Name: "association");

    public static ObjectNode AnalysisRule { get; } = new("The collaboration analysis rule put on every association.",
    [
        Key("type", new StringNode("Rule type: auto (default: each configured table's own rule type), CUSTOM, LIST or AGGREGATION.", "auto",
            Enum: [AnalysisRuleSettings.Auto, "CUSTOM", "LIST", "AGGREGATION"])),
        Key("allowedResultReceivers", new OneOfNode("'auto' (every other member that can receive results) or a list of account ids.",
        [
            new StringNode("Every other member that can receive results.", "auto", Enum: ["auto"]),
            Strings("Account ids allowed to receive results.", AccountId("A 12-digit account id (quote it to keep leading zeros).")),
        ])),
        Key("allowedAdditionalAnalyses", Strings("ARNs of additional analyses allowed (CUSTOM and LIST only).",
            new StringNode("An ARN; '*' wildcards allowed.", "arn:aws:cleanrooms-ml:us-east-1:111122223333:configured-model-algorithm-association/*",
                "^arn:aws[a-z-]*:[a-z-]+:[a-z0-9*-]*:([0-9]{12}|\\*):\\S+$", MaxLength: 256, Counterexample: "not-an-arn"), maxItems: 25)),
    ], Name: "analysisRule");

    public static ObjectNode IdNamespaceAssociation { get; } = new("An Entity Resolution ID namespace associated with the membership.",
    [
        Key("name", DisplayName("The association's name in the collaboration.", "ACXIdNamespace"), required: true),
        Key("arn", new StringNode("The Entity Resolution ID namespace ARN.", "arn:aws:entityresolution:us-east-1:239083076653:idnamespace/ACXIdNamespace",
            "^arn:aws[a-z-]*:entityresolution:[a-z]{2}(-[a-z]+)+-[0-9]+:[0-9]{12}:idnamespace/[A-Za-z0-9_-]+$", MaxLength: 256,
            Counterexample: "arn:aws:entityresolution:us-east-1:239083076653:matchingworkflow/x"), required: true),
        Key("description", Description("Association description.")),
        Key("manageResourcePolicies", new BoolNode("Let Clean Rooms manage the namespace's resource policy (default true).", true)),
        Key("allowUseAsDimensionColumn", new BoolNode("Allow the ID column as a dimension (default false).", false)),
    ], Name: "idNamespaceAssociation");

    public static ObjectNode IdMappingTable { get; } = new("An ID mapping table built from an Entity Resolution ID mapping workflow.",
    [
        Key("name", new StringNode("The table's name in the collaboration.", "acx_id_mapping",
            "^[a-zA-Z0-9_](([a-zA-Z0-9_ ]+-)*([a-zA-Z0-9_ ]+))?$", MaxLength: 128, Counterexample: "-bad"), required: true),
        Key("workflowArn", new StringNode("The Entity Resolution ID mapping workflow ARN.",
            "arn:aws:entityresolution:us-east-1:239083076653:idmappingworkflow/acx-mapping",
            "^arn:aws[a-z-]*:entityresolution:[a-z0-9-]+:[0-9]{12}:idmappingworkflow/\\S+$", MaxLength: 2048,
            Counterexample: "arn:aws:entityresolution:us-east-1:239083076653:idnamespace/x"), required: true),
        Key("description", Description("Table description.")),
        Key("manageResourcePolicies", new BoolNode("Let Clean Rooms manage the workflow's resource policy (default true).", true)),
        Key("kmsKeyArn", new StringNode("KMS key that encrypts the table.", "arn:aws:kms:us-east-1:239083076653:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "^arn:aws[a-z-]*:kms:[a-z]{2}(-[a-z]+)+-[0-9]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", MaxLength: 2048, Counterexample: "alias/mine")),
    ], Name: "idMappingTable");

    private static readonly StringNode Region = new("AWS region of the memberships.", "us-east-1", "^[a-z]{2}(-[a-z]+)+-[0-9]+$", Counterexample: "US-East-1");

    /// <summary>What <c>defaults</c> holds and each collaboration may override: the region, the tags, and each kind's keys.</summary>
    public static IReadOnlyList<SchemaProperty> Settings { get; } =
    [
        Key("region", Region),
        .. Kinds.ResourceKinds.All.SelectMany(k => k.ConfigKeys),
        Key("tags", new ObjectNode("Tags on everything the tool creates, kept on every up; tags not named here are left alone.", [],
            Values: new StringNode("Tag value.", "acx", MaxLength: 256),
            KeyPattern: "^(?![aA][wW][sS]:)(?![cC][lL][eE][aA][nN][rR][oO][oO][mM][sS]-[sS][tT][aA][cC][kK]:).{1,128}$", MaxKeys: SettingsParser.MaxTags)),
    ];

    public static ObjectNode Collaboration { get; } = new("A collaboration this account takes part in; any setting of defaults may be overridden.",
    [
        Key("name", DisplayName("Display name, for the plan.", "AMC Collaboration"), required: true),
        Key("id", new StringNode("Collaboration id (lowercase UUID) from the invitation.", "27b93e2b-5001-4b20-a47b-6aad96ec8958",
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Counterexample: "27B93E2B-5001-4B20-A47B-6AAD96EC8958"), required: true),
        Key("note", Text("A free note.", "Primary AMC collaboration")),
        Key("state", new StringNode("active: be a member. left: leave (needs up --allow-leave) or don't accept.", "active", Enum: ["active", "left"])),
        Key("creatorAccountId", AccountId("The account that created the collaboration; an invitation from another account is never accepted.")),
        .. Settings,
    ], Name: "collaboration");

    public static ObjectNode Invitations { get; } = new("Collaborations managed without being listed, with the defaults.",
    [
        Key("accept", new StringNode("all: every invitation; none: only those matching a rule (default).", "none", Enum: ["none", "all"])),
        Key("rules", new ArrayNode("With accept: none, the invitations to accept.", new ObjectNode("Matches by creator and/or name.",
        [
            Key("creatorAccountIds", Strings("Creators whose invitations match.", AccountId("A 12-digit account id (quote it to keep leading zeros)."))),
            Key("namePatterns", Strings("Glob patterns of collaboration names.", Text("A glob pattern.", "AMC *"))),
        ], Name: "invitationRule"))),
    ], Name: "invitations");

    /// <summary>The whole file.</summary>
    public static ObjectNode Root { get; } = new("Which AWS Clean Rooms collaborations this account takes part in, and what it shares into each.",
    [
        Key("version", new IntNode("Configuration format version.", ConfigLoader.CurrentVersion, ConfigLoader.CurrentVersion, ConfigLoader.CurrentVersion), required: true),
        Key("extends", new StringNode("A config file (path relative to this file's folder) whose defaults this file's defaults build on: maps merge key by key, lists replace. Only defaults are inherited.",
            "collaborations.yaml", MinLength: 1)),
        Key("defaults", new ObjectNode("Settings every collaboration gets unless it overrides them (maps merge key by key; lists replace).", Settings, Name: "settings")),
        Key("invitations", Invitations),
        Key("collaborations", new ArrayNode("The collaborations to take part in.", Collaboration), required: true),
    ]);
}
