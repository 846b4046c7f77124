using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Desired;

/// <summary>
/// The membership spec from its settings: roles resolved in the caller's account, and the payment configuration
/// checked against the creator's assignment before any call (AWS would reject a mismatch, and can't fix it later).
/// </summary>
public static class MembershipExpander
{
    public static MembershipSpec Expand(CollaborationSettings settings, CollaborationInfo info, string callerAccountId, List<Diagnostic> diagnostics)
    {
        var membership = settings.Membership;
        var result = membership.DefaultResult is { } r
            ? new ResultConfiguration(r.Bucket, r.KeyPrefix, r.ResultFormat, r.SingleFileOutput,
                r.Role is null ? null : CollaborationExpander.RoleArn(r.Role, callerAccountId))
            : null;
        if (membership.Payment is { } payment)
            CheckPayment(payment, info, callerAccountId, diagnostics);
        return new MembershipSpec(info.Id, membership.QueryLogStatus, membership.JobLogStatus, result, membership.Payment?.Value, settings.Tags);
    }

    private static void CheckPayment(Located<PaymentConfiguration> payment, CollaborationInfo info, string callerAccountId, List<Diagnostic> diagnostics)
    {
        if (info.Members.FirstOrDefault(m => m.AccountId == callerAccountId)?.Payment is not { } assigned)
            return;
        var mismatches = new List<string>();
        if (payment.Value.QueryCompute != assigned.QueryCompute)
            mismatches.Add($"queryCompute is {Bool(payment.Value.QueryCompute)} but the creator assigned {Bool(assigned.QueryCompute)}");
        if (payment.Value.JobCompute is { } job && assigned.JobCompute is { } assignedJob && job != assignedJob)
            mismatches.Add($"jobCompute is {Bool(job)} but the creator assigned {Bool(assignedJob)}");
        if (mismatches.Count == 0)
            return;
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PaymentMismatch,
            $"membership.paymentConfiguration for '{info.Name}' doesn't match the creator's assignment: {string.Join("; ", mismatches)}",
            payment.Location, "set it to what the creator assigned (see 'aws cleanrooms list-members'), or remove paymentConfiguration to accept the assignment"));
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
