using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;

namespace CleanroomsStack.Core.Policy;

/// <summary>
/// The least-privilege IAM policy for running the tool's commands on a config: the actions of exactly the operations those
/// commands call (<see cref="OperationPermissions"/>), plus what the config makes necessary — passing its roles to Clean
/// Rooms, its Entity Resolution ID namespaces, log delivery when logging is on.
/// </summary>
/// <summary>What a kind's own policy statements depend on: the config, the operations the scope calls and the account.</summary>
public sealed record PolicyContext(StackConfig Config, IReadOnlyList<CollaborationSettings> Settings, IReadOnlyList<OperationPermission> Operations,
    ConditionalPermission Needs, string Account);

public static class PolicyBuilder
{
    /// <summary>Stands for the caller's account when none is given. iam:PassRole can only pass roles of the caller's own
    /// account, so a role ARN with this account allows exactly what the resolved ARN would.</summary>
    public const string AnyAccount = "*";

    public const string AllResources = "*";

    public static readonly IReadOnlyList<string> LogDeliveryActions =
    [
        "logs:CreateLogDelivery", "logs:CreateLogGroup", "logs:DeleteLogDelivery", "logs:DescribeLogGroups",
        "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
        "logs:UpdateLogDelivery",
    ];

    public static IamPolicy Build(StackConfig config, PolicyScope scope, string? accountId)
    {
        var account = accountId ?? AnyAccount;
        var operations = OperationPermissions.For(scope).ToList();
        var needs = operations.Aggregate(ConditionalPermission.None, (all, o) => all | o.Conditional);
        var settings = AllSettings(config).ToList();
        var statements = new List<PolicyStatement>();

        var cleanRooms = operations.SelectMany(o => o.Actions).Where(a => a.StartsWith("cleanrooms:", StringComparison.Ordinal)).ToList();
        // Clean Rooms' List actions can't be scoped to a resource, and membership ids exist only once an invitation is accepted.
        AddIfAny(statements, "CleanRooms", cleanRooms, [AllResources]);

        if (needs.HasFlag(ConditionalPermission.PassRoles))
            AddIfAny(statements, "PassRolesToCleanRooms", ["iam:PassRole"], RoleArns(settings, account).ToList(),
                new PolicyCondition("StringEquals", "iam:PassedToService", ["cleanrooms.amazonaws.com"]));
        if (needs.HasFlag(ConditionalPermission.LogDelivery) && settings.Any(LogsQueriesOrJobs))
            statements.Add(new PolicyStatement("LogDelivery", LogDeliveryActions, [AllResources]));

        var context = new PolicyContext(config, settings, operations, needs, account);
        foreach (var kind in Kinds.ResourceKinds.All)
            statements.AddRange(kind.PolicyStatements(context).Where(p => p.Actions.Count > 0 && p.Resources.Count > 0));
        return new IamPolicy(statements);
    }

    /// <summary>Every settings block the tool can act on: each collaboration's, and the defaults the invitation policy applies.</summary>
    private static IEnumerable<CollaborationSettings> AllSettings(StackConfig config) =>
        config.Collaborations.Select(c => c.Settings).Concat(config.Defaults is { } d ? [d] : []);

    private static IEnumerable<string> RoleArns(IEnumerable<CollaborationSettings> settings, string account) =>
        Sorted(settings.SelectMany(s => new[] { s.Association.Role.Value, s.Membership.DefaultResult?.Role })
            .Where(role => !string.IsNullOrEmpty(role))
            .Select(role => CollaborationExpander.RoleArn(role!, account)));

    private static bool LogsQueriesOrJobs(CollaborationSettings s) =>
        s.Membership.QueryLogStatus == "ENABLED" || s.Membership.JobLogStatus == "ENABLED";

    private static void AddIfAny(List<PolicyStatement> statements, string sid, IReadOnlyList<string> actions, IReadOnlyList<string> resources,
        PolicyCondition? condition = null)
    {
        if (actions.Count > 0 && resources.Count > 0)
            statements.Add(new PolicyStatement(sid, Sorted(actions), resources, condition));
    }

    public static IReadOnlyList<string> Sorted(IEnumerable<string> values) =>
        values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
