using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>The collaboration analysis rule policy union and the rules AWS applies to its content.</summary>
public sealed record AnalysisRulePolicy(List<string>? AllowedResultReceivers, List<string>? AllowedAdditionalAnalyses)
{
    public static readonly string[] RuleTypes = ["AGGREGATION", "LIST", "CUSTOM"];
    private static readonly string[] Variants = ["aggregation", "list", "custom"];

    /// <summary>Reads <c>analysisRulePolicy</c>; its single v1 variant must be the one named by <paramref name="ruleType"/>.</summary>
    public static AnalysisRulePolicy? Read(FieldValidator v, JsonObject body, string? ruleType)
    {
        const string root = "analysisRulePolicy";
        var policy = v.Object(body, root, true);
        var v1 = v.Object(policy, $"{root}.v1", policy is not null);
        if (v1 is null) return null;

        var keys = v1.Select(p => p.Key).ToList();
        if (keys.Count != 1 || !Variants.Contains(keys[0], StringComparer.Ordinal))
        {
            v.Fail($"{root}.v1", "Member must have exactly one of the members [aggregation, list, custom] set");
            return null;
        }

        if (ruleType is not null && keys[0] != ruleType.ToLowerInvariant())
        {
            v.Fail($"{root}.v1", $"The policy variant '{keys[0]}' does not match analysisRuleType {ruleType}");
            return null;
        }

        var variantPath = $"{root}.v1.{keys[0]}";
        var variant = v.Object(v1, variantPath, true);
        var receivers = v.StringList(variant, $"{variantPath}.allowedResultReceivers", false, int.MaxValue, 12, 12, Patterns.AccountIdDigits());
        var additional = v.StringList(variant, $"{variantPath}.allowedAdditionalAnalyses", false, 25, 0, 256);
        return new AnalysisRulePolicy(receivers, additional);
    }

    /// <summary>Checks the policy against the collaboration and the configured table, as the service does on write.</summary>
    public void CheckAgainst(World world, string ruleType, MembershipRecord membership, TableAssociationRecord association)
    {
        if (ruleType == "AGGREGATION" && AllowedAdditionalAnalyses is { Count: > 0 })
            throw Errors.InvalidConfiguration("allowedAdditionalAnalyses is only supported for LIST and CUSTOM analysis rules.");

        var table = world.State.ConfiguredTables.First(t => t.Id == association.ConfiguredTableId);
        if (!table.AnalysisRuleTypes.Contains(ruleType, StringComparer.Ordinal))
        {
            throw Errors.InvalidConfiguration(
                $"Configured table {table.Id} has no {ruleType} analysis rule; a collaboration analysis rule must match one of the configured table's rule types.");
        }

        var collaboration = world.Collaboration(membership.CollaborationId);
        var notReceivers = (AllowedResultReceivers ?? [])
            .Where(account => !collaboration.Members.Any(m => m.AccountId == account && m.Abilities.Contains("CAN_RECEIVE_RESULTS")))
            .ToList();
        if (notReceivers.Count > 0)
        {
            throw Errors.InvalidConfiguration(
                $"allowedResultReceivers must be members of the collaboration that can receive results: {string.Join(", ", notReceivers)}.");
        }
    }
}
