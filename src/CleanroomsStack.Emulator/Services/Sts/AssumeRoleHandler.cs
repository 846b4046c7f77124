using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;

namespace CleanroomsStack.Emulator.Services.Sts;

/// <summary>
/// STS AssumeRole: temporary credentials for a role in any account of the world. IAM (roles, trust policies) is
/// not modelled, so the only refusal is a role in an account the world doesn't have.
/// </summary>
public static partial class AssumeRoleHandler
{
    public static OperationResult Handle(OperationContext context)
    {
        var (account, roleName, sessionName, duration) = Parse(context);
        if (context.World.State.Accounts.All(a => a.AccountId != account))
        {
            throw new AwsServiceError("AccessDenied", 403,
                $"User: {context.Caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {context.QueryValue("RoleArn")}");
        }

        var session = TemporaryCredentials.Issue(context.World, account, roleName, sessionName, duration);
        var expiration = DateTimeOffset.FromUnixTimeSeconds((long)session.Expiration).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return StsHandlers.Respond("AssumeRole", context,
            new XElement(StsHandlers.Ns + "Credentials",
                new XElement(StsHandlers.Ns + "AccessKeyId", session.AccessKeyId),
                new XElement(StsHandlers.Ns + "SecretAccessKey", session.SecretAccessKey),
                new XElement(StsHandlers.Ns + "SessionToken", session.SessionToken),
                new XElement(StsHandlers.Ns + "Expiration", expiration)),
            new XElement(StsHandlers.Ns + "AssumedRoleUser",
                new XElement(StsHandlers.Ns + "AssumedRoleId", session.UserId),
                new XElement(StsHandlers.Ns + "Arn", session.Arn)));
    }

    /// <summary>RoleArn, RoleSessionName (2–64) and DurationSeconds (900–43200, default 3600); all problems at once.</summary>
    private static (string Account, string RoleName, string SessionName, int Duration) Parse(OperationContext context)
    {
        var roleArn = context.QueryValue("RoleArn");
        var sessionName = context.QueryValue("RoleSessionName");
        var durationText = context.QueryValue("DurationSeconds");
        var problems = new List<string>();
        var role = roleArn is null ? null : RoleArnPattern().Match(roleArn);
        if (role is not { Success: true })
            problems.Add($"Value '{roleArn}' at 'roleArn' failed to satisfy constraint: Member must be an IAM role ARN");
        if (sessionName is null || sessionName.Length is < 2 or > 64 || !SessionNamePattern().IsMatch(sessionName))
            problems.Add($"Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*");
        var duration = 3600;
        if (durationText is not null && (!int.TryParse(durationText, CultureInfo.InvariantCulture, out duration) || duration is < 900 or > 43200))
            problems.Add($"Value '{durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        if (problems.Count > 0)
        {
            throw new AwsServiceError("ValidationError", 400,
                $"{problems.Count} validation error{(problems.Count == 1 ? "" : "s")} detected: {string.Join("; ", problems)}");
        }

        return (role!.Groups["account"].Value, role.Groups["name"].Value.Split('/')[^1], sessionName!, duration);
    }

    [GeneratedRegex(@"^arn:aws:iam::(?<account>\d{12}):role/(?<name>[\w+=,.@/-]+)$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex SessionNamePattern();
}
