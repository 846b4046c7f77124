using System.Text;
using System.Xml;
using System.Xml.Linq;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Wire;

/// <summary>STS GetCallerIdentity over awsQuery: a form-encoded POST answered with namespaced XML.</summary>
internal static class StsQueryProtocol
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public static WireRequest GetCallerIdentityRequest() => new(
        Operations.GetCallerIdentity, "/", Encoding.UTF8.GetBytes("Action=GetCallerIdentity&Version=2011-06-15"), ContentType);

    public static CallerIdentity ReadCallerIdentity(WireResponse response)
    {
        try
        {
            var result = XDocument.Parse(Encoding.UTF8.GetString(response.Body))
                .Descendants().FirstOrDefault(e => e.Name.LocalName == "GetCallerIdentityResult");
            string? Member(string name) => result?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            if (Member("Account") is { Length: > 0 } account && Member("Arn") is { Length: > 0 } arn)
            {
                return new CallerIdentity(account, arn, Member("UserId") ?? "");
            }
        }
        catch (XmlException)
        {
            // Reported below as a malformed response.
        }
        throw new AwsApiException(AwsErrorKind.Fatal, "GetCallerIdentity", AwsApiException.MalformedResponse,
            "the response has no GetCallerIdentityResult with Account and Arn", response.HttpStatus, response.RequestId);
    }
}
