using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// One thing a collaboration member can be made to pay for. The creator's PaymentConfiguration (CreateCollaboration,
/// ListMembers) and the member's MembershipPaymentConfiguration (CreateMembership) share the paths:
/// <c>queryCompute</c>, <c>jobCompute</c>, <c>machineLearning.{modelTraining, modelInference, syntheticDataGeneration}</c>,
/// each <c>{isResponsible}</c>.
/// </summary>
public sealed class PaymentKind(string path, string noun, Func<IPayer, bool?> of)
{
    public string Path => path;

    /// <summary>What AWS's messages call the costs, e.g. "model inference".</summary>
    public string Noun => noun;

    /// <summary>The payer's assignment for this kind; null when not assigned.</summary>
    public bool? Of(IPayer payer) => of(payer);

    public static readonly PaymentKind Query = new("queryCompute", "query compute", p => p.PaysForQueries);
    public static readonly PaymentKind Job = new("jobCompute", "job compute", p => p.PaysForJobs);
    public static readonly PaymentKind ModelTraining = new("machineLearning.modelTraining", "model training", p => p.PaysForModelTraining);
    public static readonly PaymentKind ModelInference = new("machineLearning.modelInference", "model inference", p => p.PaysForModelInference);
    public static readonly PaymentKind SyntheticData = new("machineLearning.syntheticDataGeneration", "synthetic data generation", p => p.PaysForSyntheticDataGeneration);

    public static readonly IReadOnlyList<PaymentKind> All = [Query, Job, ModelTraining, ModelInference, SyntheticData];

    /// <summary>The payer's configuration in the wire shape, with only the kinds assigned.</summary>
    public static JsonObject Render(IPayer payer)
    {
        var json = new JsonObject();
        foreach (var kind in All)
        {
            if (kind.Of(payer) is not { } pays) continue;
            var segments = kind.Path.Split('.');
            var parent = json;
            foreach (var segment in segments[..^1]) parent = (JsonObject)(parent[segment] ??= new JsonObject());
            parent[segments[^1]] = new JsonObject { ["isResponsible"] = pays };
        }
        return json;
    }

    /// <summary>
    /// The kinds a request states in the payment configuration at <paramref name="root"/>; null when there is none.
    /// Once the object is there, <c>queryCompute</c> is required (the model), the other kinds are optional.
    /// </summary>
    public static Dictionary<PaymentKind, bool>? Read(FieldValidator v, JsonObject? obj, string root)
    {
        var payment = v.Object(obj, root, false);
        if (payment is null) return null;
        var machineLearning = v.Object(payment, $"{root}.machineLearning", false);
        var stated = new Dictionary<PaymentKind, bool>();
        foreach (var kind in All)
        {
            var parent = kind.Path.StartsWith("machineLearning.", StringComparison.Ordinal) ? machineLearning : payment;
            var config = v.Object(parent, $"{root}.{kind.Path}", kind == Query);
            if (v.Bool(config, $"{root}.{kind.Path}.isResponsible", config is not null) is { } pays) stated[kind] = pays;
        }
        return stated;
    }

    /// <summary>
    /// Each member's assignment for this kind, from what the creator stated: the member named payer, else the member
    /// who can query (the model's default payer). Kinds other than query compute that the creator named no one for
    /// stay unassigned (null). Two payers, or a payer of queries without anyone who can query, are refused.
    /// </summary>
    public IReadOnlyList<bool?> Assign(IReadOnlyList<(IReadOnlyDictionary<PaymentKind, bool>? Stated, bool CanQuery)> members)
    {
        var stated = members.Select(m => m.Stated is { } s && s.TryGetValue(this, out var pays) ? pays : (bool?)null).ToList();
        var payers = stated.Count(s => s == true);
        if (payers > 1)
            throw Errors.InvalidConfiguration($"Only one member can be responsible for {Noun} costs.");
        if (this == Query && payers == 1 && members.All(m => !m.CanQuery))
            throw Errors.InvalidConfiguration("A member pays for queries, but no member can query.");
        if (this != Query && stated.All(s => s is null))
            return stated;
        return members.Select((m, i) => (bool?)(payers == 1 ? stated[i] == true : m.CanQuery)).ToList();
    }
}
