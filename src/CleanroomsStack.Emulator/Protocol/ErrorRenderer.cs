using System.Text.Json.Nodes;
using System.Xml.Linq;
using CleanroomsStack.Emulator.Auth;

namespace CleanroomsStack.Emulator.Protocol;

/// <summary>Renders an error in the wire shape of each protocol (facts §1a–1c).</summary>
public static class ErrorRenderer
{
    private static readonly XNamespace StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static OperationResult Render(AwsServiceError error, WireProtocol protocol, string requestId) => protocol switch
    {
        WireProtocol.AwsQuery => QueryError(error, requestId),
        WireProtocol.AwsJson11 => AwsJsonError(error),
        _ => RestJsonError(error),
    };

    /// <summary>The code and status AWS gives a failed signature check, which differ between JSON and query services.</summary>
    public static AwsServiceError FromAuthFailure(AuthFailure failure, WireProtocol protocol)
    {
        var query = protocol == WireProtocol.AwsQuery;
        var code = failure.Kind switch
        {
            AuthFailureKind.MissingAuthenticationToken => query ? "MissingAuthenticationToken" : "MissingAuthenticationTokenException",
            AuthFailureKind.IncompleteSignature => query ? "IncompleteSignature" : "IncompleteSignatureException",
            AuthFailureKind.UnrecognizedClient => query ? "InvalidClientTokenId" : "UnrecognizedClientException",
            AuthFailureKind.ExpiredToken => query ? "ExpiredToken" : "ExpiredTokenException",
            _ => query ? "SignatureDoesNotMatch" : "InvalidSignatureException",
        };
        return new AwsServiceError(code, 403, failure.Message);
    }

    private static OperationResult RestJsonError(AwsServiceError error)
    {
        var body = new JsonObject { ["message"] = error.Message };
        foreach (var (key, value) in error.Members) body[key] = value?.DeepClone();
        return OperationResult.Json(body, error.StatusCode).WithHeader("x-amzn-ErrorType", error.Code);
    }

    private static OperationResult AwsJsonError(AwsServiceError error)
    {
        var body = new JsonObject { ["__type"] = error.Code, ["Message"] = error.Message };
        foreach (var (key, value) in error.Members) body[key] = value?.DeepClone();
        var status = error.StatusCode >= 500 ? 500 : error.StatusCode is 403 or 429 ? error.StatusCode : 400;
        return OperationResult.Json(body, status, "application/x-amz-json-1.1");
    }

    private static OperationResult QueryError(AwsServiceError error, string requestId)
    {
        var document = new XElement(StsNamespace + "ErrorResponse",
            new XElement(StsNamespace + "Error",
                new XElement(StsNamespace + "Type", error.SenderFault ? "Sender" : "Receiver"),
                new XElement(StsNamespace + "Code", error.Code),
                new XElement(StsNamespace + "Message", error.Message)),
            new XElement(StsNamespace + "RequestId", requestId));
        return OperationResult.Xml(document.ToString(SaveOptions.DisableFormatting), error.StatusCode);
    }
}
