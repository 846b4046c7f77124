using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Engine.Provider;
using CleanroomsStack.Pulumi.Hosting;
using CleanroomsStack.Pulumi.Schema;
using CleanroomsStack.Pulumi.Values;
using Grpc.Core;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>
/// cleanroomsstack:index:Membership. Create accepts the invitation (or adopts the membership that exists); Diff is the
/// membership kind's differ against the last read state; Delete leaves the collaboration only with allowLeave: true.
/// </summary>
public sealed class MembershipHandler : ResourceHandler
{
    private const string Result = "defaultResultConfiguration";

    public override ProviderResource Resource => ProviderResources.Membership;

    public override async Task<IReadOnlyList<PropertyChange>> DiffAsync(string id, ObjectValue olds, ObjectValue news, ProviderState state, CancellationToken ct)
    {
        if (!Equals(olds["collaborationId"], news["collaborationId"]))
            return [new PropertyChange("collaborationId", PropertyChangeKind.Update, Replaces: true)];
        var changes = new List<PropertyChange>();
        if ((olds.Flag("allowLeave") ?? false) != (news.Flag("allowLeave") ?? false))
            changes.Add(new PropertyChange("allowLeave", PropertyChangeKind.Update, false));
        if (!news.IsKnown)
        {
            // Settings computed by other resources: which ones change is only known once they are.
            changes.AddRange(news.Properties.Where(p => !p.Value.IsKnown).Select(p => new PropertyChange(p.Key, PropertyChangeKind.Update, false)));
            return changes;
        }
        var desired = await SpecAsync(news, state, resolveRole: true, ct);
        var diagnostics = new List<Diagnostic>();
        var change = MembershipDiffer.Diff(desired, LiveFrom(olds), "membership", diagnostics);
        if (diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) is { } error)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{error.Message} ({error.Hint})"));
        changes.AddRange(change.Diffs.Select(d => new PropertyChange(PulumiPath(d.Path), d.Before is null ? PropertyChangeKind.Add : PropertyChangeKind.Update, d.ForcesReplacement)));
        return changes;
    }

    public override async Task<ResourceOutputs> CreateAsync(ObjectValue inputs, bool preview, ProviderState state, CancellationToken ct)
    {
        if (preview) return new ResourceOutputs("", PreviewOutputs(inputs));
        var spec = await SpecAsync(inputs, state, resolveRole: true, ct);
        var change = new ResourceChange(ResourceAddress.Membership(spec.CollaborationId), ChangeAction.Create, "pulumi up", [], Desired: spec);
        var applied = await state.Engine.ApplyAsync(change, null, allowLeave: false, ct);
        var id = applied.AwsId ?? throw new InvalidOperationException("the membership engine returned no id");
        return new ResourceOutputs(id, await OutputsAsync(id, inputs, state, ct));
    }

    public override async Task<(ResourceOutputs Outputs, ObjectValue Inputs)?> ReadAsync(string id, ObjectValue olds, ProviderState state, CancellationToken ct)
    {
        var outputs = await OutputsAsync(id, olds, state, ct);
        if (outputs.Text("status") != "ACTIVE") return null; // left or the collaboration is gone: the resource no longer exists
        var inputs = outputs.With(Resource.ComputedOutputs.Select(p => KeyValuePair.Create(p.Key, (PropertyValue?)null)));
        return (new ResourceOutputs(id, outputs), inputs);
    }

    public override async Task<ObjectValue> UpdateAsync(string id, ObjectValue olds, ObjectValue news, bool preview, ProviderState state, CancellationToken ct)
    {
        if (preview) return news.With(Resource.ComputedOutputs.Select(p => KeyValuePair.Create(p.Key, olds[p.Key])));
        var spec = await SpecAsync(news, state, resolveRole: true, ct);
        var change = new ResourceChange(ResourceAddress.Membership(spec.CollaborationId), ChangeAction.Update, "pulumi up", [], id, id, Desired: spec);
        await state.Engine.ApplyAsync(change, null, allowLeave: false, ct);
        return await OutputsAsync(id, news, state, ct);
    }

    public override async Task DeleteAsync(string id, ObjectValue olds, ProviderState state, CancellationToken ct)
    {
        var collaborationId = olds.Text("collaborationId") ?? throw new InvalidPropertyException("the membership's state has no collaborationId");
        if (olds.Flag("allowLeave") != true)
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"not leaving collaboration {collaborationId}: allowLeave is not true on this Membership, so AWS was left untouched and the membership {id} " +
                "still exists. To leave (irreversible), set allowLeave: true, run `pulumi up`, then delete it; to stop managing it without leaving, " +
                "run `pulumi state delete <urn>`."));
        var (live, _) = await state.Engine.ReadMembershipAsync(id, ct);
        await state.Engine.ApplyAsync(MembershipDiffer.Delete(live, "pulumi destroy with allowLeave"), null, allowLeave: true, ct);
    }

    /// <summary>The inputs, overlaid with the live settings and the computed outputs.</summary>
    private static async Task<ObjectValue> OutputsAsync(string id, ObjectValue inputs, ProviderState state, CancellationToken ct)
    {
        var (live, creator) = await state.Engine.ReadMembershipAsync(id, ct);
        return inputs.With(new Dictionary<string, PropertyValue?>
        {
            ["collaborationId"] = new StringValue(live.CollaborationId),
            ["queryLogStatus"] = new StringValue(live.QueryLogStatus),
            ["jobLogStatus"] = live.JobLogStatus is { } job ? new StringValue(job) : inputs["jobLogStatus"],
            [Result] = live.DefaultResultConfiguration is { } r ? ResultValue(r) : inputs[Result],
            ["paymentConfiguration"] = live.Payment is { } p ? PaymentValue(p) : inputs["paymentConfiguration"],
            ["membershipId"] = new StringValue(live.Id),
            ["arn"] = new StringValue(live.Arn),
            ["status"] = new StringValue(live.Status.Value),
            ["collaborationName"] = new StringValue(live.CollaborationName),
            ["creatorAccountId"] = new StringValue(creator),
        });
    }

    private static ObjectValue ResultValue(ResultConfiguration r) => new(new Dictionary<string, PropertyValue>
    {
        ["bucket"] = new StringValue(r.Bucket), ["keyPrefix"] = Inputs.Of(r.KeyPrefix), ["resultFormat"] = new StringValue(r.ResultFormat),
        ["singleFileOutput"] = new BoolValue(r.SingleFileOutput), ["role"] = Inputs.Of(r.RoleArn),
    });

    private static async Task<MembershipSpec> SpecAsync(ObjectValue inputs, ProviderState state, bool resolveRole, CancellationToken ct)
    {
        var result = inputs.Object(Result) is { } r
            ? new ResultConfiguration(r.Text("bucket")!, r.Text("keyPrefix"), r.Text("resultFormat") ?? "CSV", r.Flag("singleFileOutput") ?? false,
                r.Text("role") is { } role && resolveRole ? await state.RoleArnAsync(role, ct) : r.Text("role"))
            : null;
        return new MembershipSpec(inputs.Text("collaborationId")!, inputs.Text("queryLogStatus") ?? "DISABLED", inputs.Text("jobLogStatus"),
            result, PaymentFrom(inputs.Object("paymentConfiguration")), inputs.TextMap("tags"));
    }

    /// <summary>The last known live membership, from the outputs the provider returned.</summary>
    private static MembershipState LiveFrom(ObjectValue olds)
    {
        var r = olds.Object(Result);
        return new MembershipState(olds.Text("membershipId") ?? "", olds.Text("arn") ?? "", olds.Text("collaborationId")!, olds.Text("collaborationName") ?? "",
            new Core.Values.MembershipStatus(olds.Text("status") ?? "ACTIVE"), olds.Text("queryLogStatus") ?? "DISABLED", Core.Kinds.KindValues.Empty,
            olds.Text("jobLogStatus"),
            r is null ? null : new ResultConfiguration(r.Text("bucket") ?? "", r.Text("keyPrefix"), r.Text("resultFormat") ?? "CSV", r.Flag("singleFileOutput") ?? false, r.Text("role")),
            PaymentFrom(olds.Object("paymentConfiguration")));
    }

    /// <summary>The config-shaped payment: <c>queryCompute</c>, <c>jobCompute</c>, <c>machineLearning.{modelTraining, …}</c>, each a flag.</summary>
    private static PaymentConfiguration? PaymentFrom(ObjectValue? p) => p is null ? null
        : PaymentKind.All.Aggregate(new PaymentConfiguration(false),
            (payment, kind) => (kind.Group is null ? p : p.Object(kind.Group))?.Flag(kind.Key) is { } value ? kind.With(payment, value) : payment);

    private static ObjectValue PaymentValue(PaymentConfiguration p)
    {
        var payment = new Dictionary<string, PropertyValue>();
        var machineLearning = new Dictionary<string, PropertyValue>();
        foreach (var kind in PaymentKind.All)
        {
            if (kind.Group is null) payment[kind.Key] = Inputs.Of(kind.Of(p));
            else if (kind.Of(p) is { } value) machineLearning[kind.Key] = new BoolValue(value);
        }
        if (machineLearning.Count > 0) payment[PaymentKind.MachineLearning] = new ObjectValue(machineLearning);
        return new ObjectValue(payment);
    }

    /// <summary>The differ's request-shape path as the input's Pulumi path.</summary>
    private static string PulumiPath(string requestPath) => requestPath switch
    {
        $"{Result}.roleArn" => $"{Result}.role",
        _ when requestPath.StartsWith($"{Result}.outputConfiguration.s3.", StringComparison.Ordinal) => $"{Result}.{requestPath[$"{Result}.outputConfiguration.s3.".Length..]}",
        "collaborationIdentifier" => "collaborationId",
        _ => requestPath,
    };
}
