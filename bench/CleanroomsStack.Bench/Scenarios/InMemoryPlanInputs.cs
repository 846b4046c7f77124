using CleanroomsStack.Bench.World;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.Bench.Scenarios;

/// <summary>
/// The planner's inputs for M applied memberships, built in memory (no HTTP): the bench config, an inventory of
/// M active collaborations and our configured tables, and a live state where everything is applied except 1% of
/// the rules, which drifted (so the plan diffs every resource and finds some updates).
/// </summary>
public static class InMemoryPlanInputs
{
    private const string Us = DemoWorld.OurAccount;
    private const string Partner = "100000000000";

    public static StackConfig Config(string sampleConfig, int invitations)
    {
        var loaded = ConfigLoader.Load(BenchConfig.Yaml(sampleConfig, invitations), "collaborations.yaml");
        return loaded.Config ?? throw new InvalidOperationException(
            "The generated bench config does not load:\n" + string.Join('\n', loaded.Diagnostics));
    }

    public static Inventory Inventory(int invitations)
    {
        var tables = DemoWorld.PartTables.Concat(DemoWorld.OtherTables)
            .Select(name => new ConfiguredTableInfo(Id($"table/{name}"), name, $"arn:aws:cleanrooms:us-east-1:{Us}:configuredtable/{Id($"table/{name}")}", ["CUSTOM"]))
            .ToList();
        var collaborations = Enumerable.Range(0, invitations).Select(i => new CollaborationInfo(
            BenchWorld.CollaborationId(i), BenchWorld.CollaborationName(i), Partner, "Partner", "ACTIVE", MembershipId(i),
            [
                new MemberInfo(Partner, "Partner", "ACTIVE", ["CAN_QUERY", "CAN_RECEIVE_RESULTS"], new PaymentConfiguration(true)),
                new MemberInfo(Us, "ACX", "ACTIVE", [], new PaymentConfiguration(false)),
            ])).ToList();
        return new Inventory(new CallerInfo(Us, $"arn:aws:iam::{Us}:user/deployer"), tables, collaborations, "us-east-1");
    }

    /// <summary>Every desired resource as live, except every 100th rule, whose result receivers were emptied.</summary>
    public static LiveState Live(DesiredState desired)
    {
        var ruleCount = 0;
        var memberships = desired.Collaborations.Select((c, i) => new MembershipState(
            MembershipId(i), $"arn:aws:cleanrooms:us-east-1:{Us}:membership/{MembershipId(i)}", c.CollaborationId, c.Name, "ACTIVE",
            c.Membership.QueryLogStatus,
            KindValues.Empty
                .With(TableAssociationKind.Instance, TableAssociationKind.Instance.Specs(c).Select(a => new TableAssociationState(
                Id($"{i}/{a.Name}"), $"arn:aws:cleanrooms:us-east-1:{Us}:configuredtableassociation/{MembershipId(i)}/{Id($"{i}/{a.Name}")}",
                a.Name, a.ConfiguredTableId, a.RoleArn, a.Description,
                [new AnalysisRuleState(a.Rule.Type, ++ruleCount % 100 == 0 ? [] : a.Rule.AllowedResultReceivers, a.Rule.AllowedAdditionalAnalyses)])).ToList())
                .With(IdNamespaceAssociationKind.Instance, IdNamespaceAssociationKind.Instance.Specs(c).Select(n => new IdNamespaceAssociationState(
                Id($"{i}/ns/{n.Name}"), $"arn:aws:cleanrooms:us-east-1:{Us}:membership/{MembershipId(i)}/idnamespaceassociation/{Id($"{i}/ns/{n.Name}")}",
                n.Name, n.InputReferenceArn, n.ManageResourcePolicies, n.Description, n.AllowUseAsDimensionColumn)).ToList()),
            c.Membership.JobLogStatus, c.Membership.DefaultResultConfiguration, c.Membership.Payment ?? new PaymentConfiguration(false))).ToList();
        return new LiveState(memberships);
    }

    private static string MembershipId(int index) => Id($"membership/{index}");

    private static string Id(string name) => DeterministicId.From("bench-plan/" + name);
}
