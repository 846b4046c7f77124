namespace CleanroomsStack.Core.Policy;

/// <summary>The commands whose AWS calls a policy must allow.</summary>
public enum PolicyScope
{
    /// <summary>preview, drift, verify and invitations: reads only.</summary>
    Read,

    /// <summary>up: the reads its plan needs plus every write it may make.</summary>
    Up,
}

/// <summary>
/// Permissions an operation needs only for some configurations, decided from the config (see <see cref="PolicyBuilder"/>).
/// </summary>
[Flags]
public enum ConditionalPermission
{
    None = 0,
    /// <summary>iam:PassRole on the roles the request names (association roles, the default result role).</summary>
    PassRoles = 1,
    /// <summary>With query or job logging enabled, Clean Rooms sets up CloudWatch Logs delivery as the caller.</summary>
    LogDelivery = 2,
    /// <summary>Entity Resolution reads the namespace and, with manageResourcePolicies, adds Clean Rooms' policy statement.</summary>
    AddIdNamespacePolicy = 4,
    /// <summary>Entity Resolution removes Clean Rooms' policy statement when the association goes.</summary>
    RemoveIdNamespacePolicy = 8,
}

/// <summary>
/// One operation the AWS client can call: the commands that call it and the IAM actions it needs.
/// </summary>
/// <param name="Operation">The operation's name as in the API reference (and the client's operation table).</param>
/// <param name="Actions">IAM actions always needed; empty for calls AWS never authorizes (STS GetCallerIdentity).</param>
/// <param name="CalledBy">The CLI commands that call it.</param>
/// <param name="Conditional">Further permissions that depend on the config.</param>
public sealed record OperationPermission(
    string Service,
    string Operation,
    IReadOnlyList<string> Actions,
    IReadOnlySet<string> CalledBy,
    ConditionalPermission Conditional = ConditionalPermission.None);

/// <summary>
/// Every operation the AWS client can call, mapped to IAM actions and to the commands that call it: the one place the
/// policy command reads (sources: the AWS Service Authorization Reference for Clean Rooms and the CloudFormation resource
/// handlers' permission lists for memberships, associations and ID namespace associations).
/// </summary>
public static class OperationPermissions
{
    public const string Preview = "preview";
    public const string Drift = "drift";
    public const string Verify = "verify";
    public const string Invitations = "invitations";
    public const string Add = "add";
    public const string Up = "up";

    /// <summary>The commands each policy scope serves.</summary>
    public static IReadOnlySet<string> Commands(PolicyScope scope) => scope switch
    {
        PolicyScope.Read => Set(Preview, Drift, Verify, Invitations, Add),
        PolicyScope.Up => Set(Up),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    // Who reads what: planning (preview, drift, up, and verify, which plans to know what it manages) reads the inventory
    // and live state; invitations and add list collaborations; verify reads what other members see of our associations.
    private static readonly IReadOnlySet<string> Planning = Set(Preview, Drift, Up, Verify);
    private static readonly IReadOnlySet<string> PlanningAndInvitations = Set(Preview, Drift, Up, Verify, Invitations, Add);
    private static readonly IReadOnlySet<string> VerifyAndUp = Set(Verify, Up);
    private static readonly IReadOnlySet<string> VerifyOnly = Set(Verify);
    private static readonly IReadOnlySet<string> Apply = Set(Up);

    /// <summary>
    /// Every operation: the account-wide ones below, each kind's reads and writes (<see cref="Kinds.ResourceKind.Permissions"/>),
    /// and the listings of the kinds that can block leaving (<see cref="Kinds.ForeignKind.List"/>).
    /// </summary>
    public static IReadOnlyList<OperationPermission> All =>
        [.. AccountWide, .. Kinds.ResourceKinds.All.SelectMany(k => k.Permissions), .. Kinds.ForeignKinds.All.Select(k => k.List)];

    private static readonly IReadOnlyList<OperationPermission> AccountWide =
    [
        // sts:GetCallerIdentity needs no permission: AWS answers it even under an explicit deny.
        new("sts", "GetCallerIdentity", [], Planning),

        Read("ListCollaborations", PlanningAndInvitations),
        // up finds a membership that reads don't list yet through its collaboration.
        Read("GetCollaboration", VerifyAndUp),
        Read("ListMembers", Planning),
        Read("ListConfiguredTables", Planning),
        // Planning checks that the names it would create aren't another member's schema names.
        Read("ListSchemas", Planning),
        Read("BatchGetSchema", VerifyOnly),
        new("entityresolution", "GetIdNamespace", ["entityresolution:GetIdNamespace"], VerifyOnly),
        // The Glue tables behind configured tables, for verify's checks of what an association exposes.
        new("glue", "GetTable", ["glue:GetTable"], VerifyOnly),
        new("glue", "GetTables", ["glue:GetTables"], VerifyOnly),

        // Tags: no Get returns them, so planning lists them; up sets the ones the config names (a create that carries tags
        // needs cleanrooms:TagResource too) and removes only keys of the tool's own record.
        Read("ListTagsForResource", Planning),
        Write("TagResource"),
        Write("UntagResource"),
    ];

    /// <summary>The operations any command of <paramref name="scope"/> calls.</summary>
    public static IEnumerable<OperationPermission> For(PolicyScope scope) =>
        All.Where(p => p.CalledBy.Overlaps(Commands(scope)));

    private static OperationPermission Read(string operation, IReadOnlySet<string> calledBy) =>
        new("cleanrooms", operation, [$"cleanrooms:{operation}"], calledBy);

    /// <summary>A Clean Rooms read that planning makes (preview, drift, up, verify).</summary>
    public static OperationPermission PlanningRead(string operation) => Read(operation, Planning);

    /// <summary>
    /// The five operations of a resource, named as AWS names them: <c>List{noun}s</c> and <c>Get{noun}</c> (planning reads
    /// both), <c>Create{noun}</c>, <c>Update{noun}</c> and <c>Delete{noun}</c> (up), each with what the config may add to it.
    /// </summary>
    public static IReadOnlyList<OperationPermission> OfResource(string noun, ConditionalPermission create = ConditionalPermission.None,
        ConditionalPermission update = ConditionalPermission.None, ConditionalPermission delete = ConditionalPermission.None) =>
    [
        PlanningRead($"List{noun}s"),
        PlanningRead($"Get{noun}"),
        Write($"Create{noun}", create),
        Write($"Update{noun}", update),
        Write($"Delete{noun}", delete),
    ];

    /// <summary>A Clean Rooms write that only up makes.</summary>
    public static OperationPermission Write(string operation, ConditionalPermission conditional = ConditionalPermission.None) =>
        new("cleanrooms", operation, [$"cleanrooms:{operation}"], Apply, conditional);

    private static IReadOnlySet<string> Set(params string[] commands) => commands.ToHashSet(StringComparer.Ordinal);
}
