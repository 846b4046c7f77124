using System.Xml.Linq;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;

namespace CleanroomsStack.Emulator.Services.Sts;

/// <summary>STS over awsQuery: form-encoded requests, XML responses.</summary>
public static partial class StsHandlers
{
    private static readonly XNamespace Ns = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static void Register(RouteTable routes)
    {
        routes.DeclareService("sts", WireProtocol.AwsQuery);
        routes.Keyed("sts", "GetCallerIdentity", "GetCallerIdentity", false, GetCallerIdentity);
        routes.Keyed("sts", "AssumeRole", "AssumeRole", true, AssumeRole);
    }

    private static OperationResult AssumeRole(OperationContext context)
    {
        var roleArn = context.QueryValue("RoleArn");
        var sessionName = context.QueryValue("RoleSessionName");
        var durationText = context.QueryValue("DurationSeconds");
        var problems = new List<string>();
        var role = roleArn is null ? null : RoleArnPattern().Match(roleArn);
        if (role is not { Success: true }) problems.Add($"Value '{roleArn}' at 'roleArn' failed to satisfy constraint: Member must be an IAM role ARN");
        if (sessionName is null || sessionName.Length is < 2 or > 64 || !SessionNamePattern().IsMatch(sessionName))
            problems.Add($"Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*");
        var duration = 3600;
        if (durationText is not null && (!int.TryParse(durationText, out duration) || duration is < 900 or > 43200))
            problems.Add($"Value '{durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        if (problems.Count > 0)
            throw new AwsServiceError("ValidationError", 400, $"{problems.Count} validation error{(problems.Count == 1 ? "" : "s")} detected: {string.Join("; ", problems)}");

        var account = role!.Groups["account"].Value;
        if (context.World.State.Accounts.All(a => a.AccountId != account))
        {
            throw new AwsServiceError("AccessDenied", 403,
                $"User: {context.Caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        var session = TemporaryCredentials.Issue(context.World, account, role.Groups["name"].Value.Split('/')[^1], sessionName!, duration);
        var expiration = DateTimeOffset.FromUnixTimeSeconds((long)session.Expiration).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return Respond("AssumeRole", context,
            new XElement(Ns + "Credentials",
                new XElement(Ns + "AccessKeyId", session.AccessKeyId),
                new XElement(Ns + "SecretAccessKey", session.SecretAccessKey),
                new XElement(Ns + "SessionToken", session.SessionToken),
                new XElement(Ns + "Expiration", expiration)),
            new XElement(Ns + "AssumedRoleUser",
                new XElement(Ns + "AssumedRoleId", session.UserId),
                new XElement(Ns + "Arn", session.Arn)));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^arn:aws:iam::(?<account>\d{12}):role/(?<name>[\w+=,.@/-]+)$")]
    private static partial System.Text.RegularExpressions.Regex RoleArnPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial System.Text.RegularExpressions.Regex SessionNamePattern();

    private static OperationResult GetCallerIdentity(OperationContext context)
    {
        var caller = context.Caller;
        return Respond("GetCallerIdentity", context,
            new XElement(Ns + "UserId", caller.UserId),
            new XElement(Ns + "Account", caller.AccountId),
            new XElement(Ns + "Arn", caller.Arn));
    }

    /// <summary>The awsQuery envelope: &lt;XResponse&gt;&lt;XResult&gt;…&lt;/XResult&gt;&lt;ResponseMetadata/&gt;&lt;/XResponse&gt;.</summary>
    public static OperationResult Respond(string action, OperationContext context, params XElement[] result)
    {
        var document = new XElement(Ns + $"{action}Response",
            new XElement(Ns + $"{action}Result", result.Cast<object>().ToArray()),
            new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", context.RequestId)));
        return OperationResult.Xml(document.ToString(SaveOptions.DisableFormatting));
    }
}
