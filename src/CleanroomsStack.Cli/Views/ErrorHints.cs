using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Cli.Views;

/// <summary>What a person should do next about each kind of AWS failure.</summary>
internal static class ErrorHints
{
    public static string For(AwsApiException e) => e.Kind switch
    {
        AwsErrorKind.AccessDenied => "the credentials lack a permission; see `docs/` for the IAM policy the tool needs.",
        AwsErrorKind.Throttled => "AWS is throttling; retry later or lower --parallel.",
        AwsErrorKind.Transient => "a temporary AWS or network failure; run the command again.",
        AwsErrorKind.QuotaExceeded => "a service quota is reached; raise it in Service Quotas or reduce what the config asks for.",
        AwsErrorKind.NotFound => "a resource the config refers to does not exist in this account and region; check ids and --region.",
        AwsErrorKind.Validation => "AWS rejected a value; check the fields named above in collaborations.yaml.",
        AwsErrorKind.Conflict => "the resource changed meanwhile; run the command again to re-read live state.",
        _ => "check the credentials (--profile, AWS_PROFILE) and the region, then run again.",
    };
}
