using CleanroomsStack.Bench.Measure;
using CleanroomsStack.Bench.World;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Bench.Scenarios;

/// <summary>
/// Scenario 3's out-of-band change: someone edits 1% of the collaboration analysis rules in the console. Done as our
/// account through our own client (UpdateConfiguredTableAssociationAnalysisRule), spread evenly over the memberships;
/// each edited rule loses its result receivers.
/// </summary>
public static class DriftInjector
{
    public static int RuleCount(int invitations) => Math.Max(1, (int)Math.Round(invitations * BenchConfig.TablesPerMembership / 100.0, MidpointRounding.AwayFromZero));

    /// <returns>How many rules were changed.</returns>
    public static async Task<int> InjectAsync(string endpoint, RateProfile profile, int invitations, CancellationToken ct)
    {
        var api = BenchClient.Create(endpoint, profile.RequestsPerSecond);
        try
        {
            var memberships = (await api.ListMembershipsAsync("ACTIVE", ct)).OrderBy(m => m.CollaborationName, StringComparer.Ordinal).ToList();
            var count = RuleCount(invitations);
            var targets = Enumerable.Range(0, count).Select(k => (Membership: memberships[k * memberships.Count / count], Slot: k))
                .GroupBy(t => t.Membership.Id);
            foreach (var group in targets)
            {
                var associations = (await api.ListConfiguredTableAssociationsAsync(group.Key, ct)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
                foreach (var (_, slot) in group)
                {
                    var association = associations[slot % associations.Count];
                    await api.UpdateConfiguredTableAssociationAnalysisRuleAsync(new UpdateAnalysisRuleRequest(group.Key, association.Id, "CUSTOM",
                        new AnalysisRulePolicy(new AnalysisRulePolicyV1(Custom: new AnalysisRulePolicyVariant([], [])))), ct);
                }
            }
            return count;
        }
        finally
        {
            (api as IDisposable)?.Dispose();
        }
    }
}
