using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Desired;

/// <summary>
/// The membership spec from its settings: roles resolved in the caller's account, and the payment configuration
/// checked against the creator's assignment (ListMembers) kind by kind before any call — AWS would reject a mismatch
/// at CreateMembership and can't fix it later — then completed from that assignment, so accepting the invitation
/// states every payment the creator made this account responsible for (AWS requires it from a payer that can't query).
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
        var me = info.Members.FirstOrDefault(m => m.AccountId == callerAccountId);
        var assigned = me?.Payment;
        if (membership.Payment is { } stated && assigned is not null)
            CheckPayment(stated, assigned, me!.Abilities.Contains(Values.MemberAbility.CanQuery), info, diagnostics);
        var payment = Payment(membership.Payment?.Value, assigned);
        return new MembershipSpec(info.Id, membership.QueryLogStatus, membership.JobLogStatus, result, payment, settings.Tags,
            PaymentFromCreator: payment is not null && payment != membership.Payment?.Value);
    }

    /// <summary>
    /// What CreateMembership sends: the config's payment completed from the creator's assignment; with none in the
    /// config, the assignment when it makes this account pay for something, else nothing (AWS then takes the assignment).
    /// </summary>
    private static PaymentConfiguration? Payment(PaymentConfiguration? stated, PaymentConfiguration? assigned) => (stated, assigned) switch
    {
        (null, { Paid.Count: > 0 }) => assigned,
        ({ }, { }) => stated.FilledFrom(assigned),
        _ => stated,
    };

    /// <summary>
    /// Each kind the config states against the assignment; a kind the creator assigned no one falls to the member who
    /// can query (the model's default payer), so stating otherwise would be refused too.
    /// </summary>
    private static void CheckPayment(Located<PaymentConfiguration> stated, PaymentConfiguration assigned, bool canQuery, CollaborationInfo info,
        List<Diagnostic> diagnostics)
    {
        foreach (var kind in PaymentKind.All)
        {
            var creator = kind.Of(assigned) ?? canQuery;
            if (kind.Of(stated.Value) is not { } wanted || wanted == creator)
                continue;
            var assignment = kind.Of(assigned) is null
                ? $"the collaboration creator assigned no one, so the member who can query pays: this account {(creator ? "pays" : "does not pay")}"
                : $"the collaboration creator assigned {Bool(creator)}: this account {(creator ? "pays" : "does not pay")}";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PaymentMismatch,
                $"membership.paymentConfiguration.{kind.Path} is {Bool(wanted)} for '{info.Name}', but {assignment} for {kind.Noun}, "
                + "and AWS refuses a membership that says otherwise",
                stated.Location,
                $"set membership.paymentConfiguration.{kind.Path}: {Bool(creator)} as the creator assigned (see 'aws cleanrooms list-members'), or remove paymentConfiguration to take the assignment"));
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
