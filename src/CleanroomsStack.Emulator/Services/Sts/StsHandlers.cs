using System.Xml.Linq;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;

namespace CleanroomsStack.Emulator.Services.Sts;

/// <summary>STS over awsQuery: form-encoded requests, XML responses in the 2011-06-15 namespace.</summary>
public static class StsHandlers
{
    public static readonly XNamespace Ns = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static void Register(RouteTable routes)
    {
        routes.DeclareService("sts", WireProtocol.AwsQuery);
        routes.Keyed("sts", "GetCallerIdentity", "GetCallerIdentity", false, GetCallerIdentity);
        routes.Keyed("sts", "AssumeRole", "AssumeRole", true, AssumeRoleHandler.Handle);
    }

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
