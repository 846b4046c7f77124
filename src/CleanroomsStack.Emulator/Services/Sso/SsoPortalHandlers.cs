using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.Services.Sts;

namespace CleanroomsStack.Emulator.Services.Sso;

/// <summary>
/// The IAM Identity Center portal's GetRoleCredentials, which SSO profiles call with the cached access token
/// (header <c>x-amz-sso_bearer_token</c>, no SigV4). Expiration is in epoch <b>milliseconds</b> here.
/// </summary>
public static class SsoPortalHandlers
{
    public const string Service = "sso";
    public const string BearerHeader = "x-amz-sso_bearer_token";

    public static void Register(RouteTable routes)
    {
        routes.DeclareService(Service, WireProtocol.RestJson);
        routes.Rest(Service, "GetRoleCredentials", "GET", "/federation/credentials", true, GetRoleCredentials);
    }

    private static OperationResult GetRoleCredentials(OperationContext context)
    {
        var token = context.Request.Header(BearerHeader);
        var world = context.World;
        if (string.IsNullOrEmpty(token) || !world.State.SsoAccessTokens.Contains(token))
            throw new AwsServiceError("UnauthorizedException", 401, "Session token not found or invalid");

        var roleName = context.QueryValue("role_name");
        var accountId = context.QueryValue("account_id");
        if (string.IsNullOrEmpty(roleName) || string.IsNullOrEmpty(accountId))
            throw new AwsServiceError("InvalidRequestException", 400, "role_name and account_id are required.");
        if (world.State.Accounts.All(a => a.AccountId != accountId))
            throw new AwsServiceError("ForbiddenException", 403, "No access");

        var session = TemporaryCredentials.Issue(world, accountId, $"AWSReservedSSO_{roleName}", "sso-user", 3600);
        return OperationResult.Json(new JsonObject
        {
            ["roleCredentials"] = new JsonObject
            {
                ["accessKeyId"] = session.AccessKeyId,
                ["secretAccessKey"] = session.SecretAccessKey,
                ["sessionToken"] = session.SessionToken,
                ["expiration"] = (long)(session.Expiration * 1000),
            },
        });
    }
}
