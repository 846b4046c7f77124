using System.Text.Json.Nodes;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>
/// Desired membership vs the live one: create (accept the invitation), update what UpdateMembership can change
/// (logging, default result configuration), or keep. Settings the config leaves unset are not compared. The payment
/// configuration can't be updated, so a difference is a diagnostic, never a silent leave-and-rejoin. Tags the config
/// names are compared one by one (<see cref="TagPaths"/>); others on the membership are left alone.
/// </summary>
public static class MembershipDiffer
{
    private const string Result = "defaultResultConfiguration";

    /// <summary>Why an update sets only tags.</summary>
    public const string TagReason = "tags named in the config differ (tags it doesn't name are left alone)";

    public static ResourceChange Diff(MembershipSpec desired, MembershipState? live, string label, List<Diagnostic> diagnostics)
    {
        var address = ResourceAddress.Membership(desired.CollaborationId);
        if (live is null)
            return new ResourceChange(address, ChangeAction.Create, $"{label}: no membership yet{PaymentNote(desired)}", CreateDiffs(desired).Diffs, Desired: desired);
        var diffs = new DiffBuilder(MembershipKind.Instance).Compare("queryLogStatus", live.QueryLogStatus, desired.QueryLogStatus);
        diffs.CompareOptional("jobLogStatus", live.JobLogStatus, desired.JobLogStatus);
        if (desired.DefaultResultConfiguration is { } result)
        {
            foreach (var (path, after) in ResultAttributes(result))
                diffs.Compare(path, ResultAttributes(live.DefaultResultConfiguration).GetValueOrDefault(path), after);
        }
        diffs.CompareTags(live.Tags, desired.Tags);
        CheckPayment(desired, live, diagnostics);
        var reason = diffs.Action == ChangeAction.NoOp ? "membership matches the config"
            : TagPaths.OnlyTags(diffs.Diffs) ? TagReason : "membership settings differ from the config";
        return new ResourceChange(address, diffs.Action, reason, diffs.Diffs, live.Id, live.Id, Desired: desired, Live: live);
    }

    /// <summary>Leaving the collaboration: DeleteMembership.</summary>
    public static ResourceChange Delete(MembershipState live, string reason)
    {
        var diffs = new DiffBuilder(MembershipKind.Instance).Set("collaborationIdentifier", live.CollaborationId, creating: false);
        return new ResourceChange(ResourceAddress.Membership(live.CollaborationId), ChangeAction.Delete, reason, diffs.Diffs, live.Id, live.Id, Live: live);
    }

    private static DiffBuilder CreateDiffs(MembershipSpec desired)
    {
        var diffs = new DiffBuilder(MembershipKind.Instance)
            .Set("collaborationIdentifier", desired.CollaborationId, creating: true)
            .Set("queryLogStatus", desired.QueryLogStatus, creating: true)
            .Set("jobLogStatus", desired.JobLogStatus, creating: true);
        foreach (var (path, value) in ResultAttributes(desired.DefaultResultConfiguration))
            diffs.Set(path, value, creating: true);
        foreach (var kind in PaymentKind.All)
            diffs.Set(kind.Attribute, desired.Payment is { } payment ? AttributeValue.Of(kind.Of(payment)) : null, creating: true);
        return diffs.Set(TagPaths.All, AttributeValue.Of(desired.Tags), creating: true);
    }

    /// <summary>The result configuration as request-shape paths; empty when there is none.</summary>
    private static Dictionary<string, JsonNode?> ResultAttributes(ResultConfiguration? result) => result is null ? [] : new()
    {
        [$"{Result}.outputConfiguration.s3.bucket"] = AttributeValue.Of(result.Bucket),
        [$"{Result}.outputConfiguration.s3.keyPrefix"] = AttributeValue.Of(result.KeyPrefix),
        [$"{Result}.outputConfiguration.s3.resultFormat"] = AttributeValue.Of(result.ResultFormat),
        [$"{Result}.outputConfiguration.s3.singleFileOutput"] = AttributeValue.Of(result.SingleFileOutput),
        [$"{Result}.roleArn"] = AttributeValue.Of(result.RoleArn),
    };

    /// <summary>Says where a payment the config doesn't state comes from, and what it makes this account pay for.</summary>
    private static string PaymentNote(MembershipSpec desired) => desired is { PaymentFromCreator: true, Payment: { } p }
        ? $"; payment as the collaboration creator assigned it{(p.Paid.Count > 0 ? $" (this account pays for {string.Join(", ", p.Paid.Select(k => k.Noun))})" : "")}"
        : "";

    /// <summary>A kind both the config and the membership state, with different values: CreateMembership fixed it, nothing changes it.</summary>
    private static void CheckPayment(MembershipSpec desired, MembershipState live, List<Diagnostic> diagnostics)
    {
        if (desired.Payment is not { } wanted || live.Payment is not { } actual)
            return;
        foreach (var kind in PaymentKind.All)
        {
            if (kind.Of(wanted) is not { } want || kind.Of(actual) is not { } has || want == has)
                continue;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PaymentNotUpdatable,
                $"the membership in '{live.CollaborationName}' ({desired.CollaborationId}) has paymentConfiguration.{kind.Path} {Bool(has)} ({kind.Noun}), "
                + $"the config says {Bool(want)}, and AWS can't change the payment configuration of an existing membership",
                hint: $"set membership.paymentConfiguration.{kind.Path}: {Bool(has)} (the membership's current value); changing it would mean leaving the collaboration"));
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
