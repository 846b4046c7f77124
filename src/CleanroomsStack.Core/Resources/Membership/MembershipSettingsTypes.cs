namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>
/// Where query results go by default (<c>defaultResultConfiguration</c>: an S3 output and an optional role).
/// <paramref name="ResultFormat"/> is CSV or PARQUET.
/// </summary>
public sealed record ResultConfiguration(string Bucket, string? KeyPrefix, string ResultFormat, bool SingleFileOutput, string? RoleArn);

/// <summary>
/// Who pays (<c>paymentConfiguration.*.isResponsible</c>). It must match what the collaboration creator assigned
/// to this member, and AWS can't change it on an existing membership. Null job compute: not stated.
/// </summary>
public sealed record PaymentConfiguration(bool QueryCompute, bool? JobCompute = null);
