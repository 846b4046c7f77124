namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>
/// One thing a collaboration creator can make a member pay for. <see cref="Path"/> is its place under
/// <c>paymentConfiguration</c> both in the config (<c>machineLearning.modelInference: true</c>) and in AWS's shapes
/// (<c>machineLearning.modelInference.isResponsible</c>): ListMembers' assignment, CreateMembership's acceptance.
/// </summary>
public sealed class PaymentKind
{
    public static readonly IReadOnlyList<PaymentKind> All =
    [
        new(null, "queryCompute", "query compute", p => p.QueryCompute, (p, v) => p with { QueryCompute = v }),
        new(null, "jobCompute", "job compute", p => p.JobCompute, (p, v) => p with { JobCompute = v }),
        new(MachineLearning, "modelTraining", "model training", p => p.ModelTraining, (p, v) => p with { ModelTraining = v }),
        new(MachineLearning, "modelInference", "model inference", p => p.ModelInference, (p, v) => p with { ModelInference = v }),
        new(MachineLearning, "syntheticDataGeneration", "synthetic data generation", p => p.SyntheticDataGeneration,
            (p, v) => p with { SyntheticDataGeneration = v }),
    ];

    /// <summary>The group of the machine learning kinds (<c>MembershipMLPaymentConfig</c>).</summary>
    public const string MachineLearning = "machineLearning";

    private readonly Func<PaymentConfiguration, bool?> _of;
    private readonly Func<PaymentConfiguration, bool, PaymentConfiguration> _with;

    private PaymentKind(string? group, string key, string noun, Func<PaymentConfiguration, bool?> of, Func<PaymentConfiguration, bool, PaymentConfiguration> with)
    {
        Group = group;
        Key = key;
        Noun = noun;
        _of = of;
        _with = with;
    }

    /// <summary><see cref="MachineLearning"/>, or null for a kind directly under <c>paymentConfiguration</c>.</summary>
    public string? Group { get; }

    /// <summary>The kind's own key, e.g. <c>modelInference</c>.</summary>
    public string Key { get; }

    /// <summary>Under <c>paymentConfiguration</c>, e.g. <c>machineLearning.modelInference</c>.</summary>
    public string Path => Group is null ? Key : $"{Group}.{Key}";

    /// <summary>What the costs are called in messages, e.g. "model inference".</summary>
    public string Noun { get; }

    /// <summary>The plan's attribute (the CreateMembership request member).</summary>
    public string Attribute => $"paymentConfiguration.{Path}.isResponsible";

    /// <summary>Whether <paramref name="payment"/> makes the member pay for this; null when it doesn't say.</summary>
    public bool? Of(PaymentConfiguration payment) => _of(payment);

    public PaymentConfiguration With(PaymentConfiguration payment, bool value) => _with(payment, value);
}
