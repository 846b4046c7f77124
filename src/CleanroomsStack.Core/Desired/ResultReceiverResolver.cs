using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Inventory;

namespace CleanroomsStack.Core.Desired;

/// <summary>
/// Turns <c>allowedResultReceivers</c> into concrete account ids for one collaboration: <c>auto</c> means every
/// other member that can receive results; explicit ids must be such members, or AWS would reject the rule.
/// </summary>
public static class ResultReceiverResolver
{

    public static IReadOnlyList<string>? Resolve(ResultReceivers receivers, CollaborationInfo collaboration, string callerAccountId, List<Diagnostic> diagnostics)
    {
        var eligible = Eligible(collaboration, callerAccountId);
        return receivers.Auto ? Automatic(eligible, receivers, collaboration, diagnostics) : Explicit(eligible, receivers, collaboration, callerAccountId, diagnostics);
    }

    /// <summary>What <c>auto</c> means in this collaboration: every other current member that can receive results, sorted.</summary>
    public static List<string> Eligible(CollaborationInfo collaboration, string callerAccountId) => collaboration.Members
        .Where(m => m.AccountId != callerAccountId && m.CanReceiveResults && m.Status.IsOpen)
        .Select(m => m.AccountId)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static IReadOnlyList<string>? Automatic(List<string> eligible, ResultReceivers receivers, CollaborationInfo collaboration, List<Diagnostic> diagnostics)
    {
        if (eligible.Count > 0)
            return eligible;
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoResultReceivers,
            $"no other member of '{collaboration.Name}' can receive results, so 'allowedResultReceivers: auto' resolves to nobody",
            receivers.Location, "ask the collaboration creator to grant CAN_RECEIVE_RESULTS to a member, or list the receivers explicitly"));
        return null;
    }

    private static IReadOnlyList<string>? Explicit(List<string> eligible, ResultReceivers receivers, CollaborationInfo collaboration, string callerAccountId,
        List<Diagnostic> diagnostics)
    {
        var ok = true;
        foreach (var id in receivers.AccountIds.Where(id => !eligible.Contains(id.Value)))
        {
            var member = collaboration.Members.FirstOrDefault(m => m.AccountId == id.Value);
            var problem = id.Value == callerAccountId ? "is this account; results go to the other members, so it can't be a receiver in"
                : member is null ? "is not a member of" : "can't receive results in";
            var choices = eligible.Count == 0 ? "no member can receive results" : $"members that can: {string.Join(", ", eligible)}";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownResultReceiver, $"account {id.Value} {problem} '{collaboration.Name}'",
                id.Location, $"remove it from allowedResultReceivers ({choices})"));
            ok = false;
        }
        return ok ? receivers.AccountIds.Select(a => a.Value).Distinct().Order(StringComparer.Ordinal).ToList() : null;
    }
}
