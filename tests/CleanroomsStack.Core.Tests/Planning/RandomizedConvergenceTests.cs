using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Planning;

/// <summary>
/// Seeded random configs against randomly drifted live states: planning never throws, the plan is deterministic,
/// and applying it converges. A failure prints the seed, config and drift so it reproduces.
/// </summary>
public class RandomizedConvergenceTests
{
    private static readonly string[] Includes = ["\"part_*\"", "\"part_0?\"", "\"*\"", "\"part_1*\", raw_events"];
    private static readonly string[] Templates = ["acx_{table}", "{table}", "cr_{table}_v2"];
    private static readonly string[] RuleTypes = ["CUSTOM", "LIST", "AGGREGATION"];

    [Fact]
    public void Random_configs_and_drift_plan_deterministically_and_converge()
    {
        for (var seed = 1; seed <= 150; seed++)
        {
            var random = new Random(seed);
            var yaml = RandomConfig(random);
            var desired = Scenario.Desired(yaml, InventoryWith(AmcInvitation("ACTIVE", Id(1))));
            var baseline = Scenario.Desired(TeamConfig.Yaml).Collaborations[0];
            var (live, drift) = Drift(random, DemoWorld.Applied(baseline));
            var context = $"seed {seed}, drift [{string.Join(", ", drift)}]\n{yaml}";
            var plan = Planner.Create(desired, new LiveState([live]));
            var json = PlanJson.Write(PlanDocument.From(plan));
            Assert.True(json == PlanJson.Write(PlanDocument.From(Planner.Create(desired, new LiveState([live])))), "not deterministic: " + context);
            var second = Planner.Create(desired, PlanSimulator.Apply(plan, new LiveState([live])));
            var leftover = second.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action} {c.Address}").ToList();
            Assert.True(leftover.Count == 0, $"did not converge ({string.Join("; ", leftover)}): {context}");
        }
    }

    private static string RandomConfig(Random random)
    {
        var receivers = random.Next(3) == 0 ? $"[\"{Amc}\"]" : "auto";
        var type = RuleTypes[random.Next(RuleTypes.Length)];
        return TeamConfig.Yaml
            .Replace("include: [\"part_*\"]", $"include: [{Includes[random.Next(Includes.Length)]}]")
            .Replace("max: 25", $"max: {random.Next(1, 26)}")
            .Replace("acx_{table}", Templates[random.Next(Templates.Length)])
            .Replace("type: CUSTOM", $"type: {type}")
            .Replace("allowedResultReceivers: auto", $"allowedResultReceivers: {receivers}")
            .Replace("membership: { queryLogStatus: ENABLED }", $"membership: {{ queryLogStatus: {(random.Next(2) == 0 ? "ENABLED" : "DISABLED")} }}")
            + (random.Next(4) == 0 ? "\n    adoptExistingNames: true" : "");
    }

    private static (MembershipState, List<string>) Drift(Random random, MembershipState live)
    {
        var drift = new List<string>();
        var associations = live.TableAssociations.ToList();
        for (var i = random.Next(6); i > 0 && associations.Count > 0; i--)
        {
            var at = random.Next(associations.Count);
            var a = associations[at];
            switch (random.Next(5))
            {
                case 0: associations.RemoveAt(at); drift.Add($"removed {a.Name}"); break;
                case 1: associations[at] = a with { Name = a.ConfiguredTableId }; drift.Add($"renamed {a.Name}"); break;
                case 2: associations[at] = a with { RoleArn = "arn:aws:iam::239083076653:role/other" }; drift.Add($"role {a.Name}"); break;
                case 3: associations[at] = a with { Rules = [new AnalysisRuleState("LIST", [Amc], [])] }; drift.Add($"rule {a.Name}"); break;
                default: associations[at] = a with { Rules = [] }; drift.Add($"no rule {a.Name}"); break;
            }
        }
        var namespaces = random.Next(4) == 0 ? [] : live.IdNamespaceAssociations;
        return (live.WithTableAssociations(associations).WithIdNamespaceAssociations(namespaces), drift);
    }
}
