namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>
/// Where query results go by default (<c>defaultResultConfiguration</c>: an S3 output and an optional role).
/// <paramref name="ResultFormat"/> is CSV or PARQUET.
/// </summary>
public sealed record ResultConfiguration(string Bucket, string? KeyPrefix, string ResultFormat, bool SingleFileOutput, string? RoleArn);

/// <summary>
/// Who pays (<c>paymentConfiguration.*.isResponsible</c>): query compute, job compute and the machine learning kinds
/// (model training, model inference, synthetic data generation; <see cref="PaymentKind"/>). It must match what the
/// collaboration creator assigned to this member, and AWS can't change it on an existing membership. Null: not stated.
/// </summary>
public sealed record PaymentConfiguration(bool QueryCompute, bool? JobCompute = null,
    bool? ModelTraining = null, bool? ModelInference = null, bool? SyntheticDataGeneration = null)
{
    /// <summary>The kinds this configuration makes the member pay for, e.g. "model inference".</summary>
    public IReadOnlyList<PaymentKind> Paid => PaymentKind.All.Where(k => k.Of(this) == true).ToList();

    /// <summary>These values, and <paramref name="assigned"/>'s for every kind this configuration doesn't state.</summary>
    public PaymentConfiguration FilledFrom(PaymentConfiguration assigned) =>
        PaymentKind.All.Aggregate(this, (payment, kind) => kind.Of(payment) is null && kind.Of(assigned) is { } value ? kind.With(payment, value) : payment);
}
