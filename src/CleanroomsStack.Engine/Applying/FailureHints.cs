using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Policy;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// What a person should do next about a failed AWS call: from the error's kind alone (<see cref="For(AwsApiException)"/>,
/// e.g. while reading live state), or also from the resource a failed change hit.
/// </summary>
public static class FailureHints
{
    /// <summary>The kind's own advice first (<see cref="Kinds.KindEngine.HintFor"/>), then the error kind's.</summary>
    public static string For(AwsApiException e, ResourceChange change) =>
        Kinds.KindEngines.For(change.Kind).HintFor(e)
        ?? (e is { Kind: AwsErrorKind.Conflict, Reason: "ALREADY_EXISTS" }
            ? "a resource with this name or table already exists but doesn't match the config; rename or remove it, then run again."
            : For(e));

    public static string For(AwsApiException e) => e.Kind switch
    {
        AwsErrorKind.NotFound => "a resource this needs is gone or not visible yet; run the command again to re-read live state.",
        AwsErrorKind.AccessDenied => $"the credentials lack {Permission(e.Operation)}; grant it (`cleanrooms-stack policy` prints all the tool needs) and run again.",
        AwsErrorKind.Validation => "AWS rejected a value; check the fields named above in collaborations.yaml.",
        AwsErrorKind.QuotaExceeded => $"{(e.QuotaName is null ? "a service quota" : $"the quota '{e.QuotaName}'")} is reached; raise it in Service Quotas or ask for fewer resources in collaborations.yaml.",
        AwsErrorKind.Conflict => "the resource is in a state that doesn't allow this; run the command again to re-read live state.",
        AwsErrorKind.Throttled => "AWS kept throttling; run again later, or pass the rate to keep to as --max-rps.",
        AwsErrorKind.Transient when e.Code == EndpointUnreachable =>
            "nothing was sent; check the endpoint (--endpoint-url, AWS_ENDPOINT_URL*), the region (--region, AWS_REGION, the profile) and the network (DNS, proxy, firewall, TLS interception).",
        AwsErrorKind.Transient => "a temporary AWS or network failure; run the command again: it re-reads live state and converges.",
        AwsErrorKind.Fatal when e.Code == AwsApiException.MalformedResponse =>
            "AWS's answer doesn't have the shape this version of cleanrooms-stack knows, so nothing was planned or changed; run again (a listing read while resources change settles), and if it repeats, upgrade cleanrooms-stack.",
        _ => "check the credentials (--profile, AWS_PROFILE) and the region, then run again.",
    };

    /// <summary>The IAM actions the operation needs, e.g. <c>cleanrooms:CreateMembership</c>, from the policy catalog.</summary>
    private static string Permission(string operation) =>
        OperationPermissions.All.FirstOrDefault(p => p.Operation == operation) is { Actions.Count: > 0 } permission
            ? string.Join(" and ", permission.Actions.Select(a => $"`{a}`"))
            : $"a permission for {operation}";

    /// <summary>The code the AWS client gives a call that could not connect at all (DNS, refused, TLS).</summary>
    public const string EndpointUnreachable = "EndpointUnreachable";

    public const string Interrupted = "the run was interrupted; run `cleanrooms-stack up` again: it re-reads live state and converges.";
}
