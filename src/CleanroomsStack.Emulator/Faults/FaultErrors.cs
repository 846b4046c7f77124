using CleanroomsStack.Emulator.Protocol;

namespace CleanroomsStack.Emulator.Faults;

/// <summary>Injected errors in the code each service really uses for them.</summary>
public static class FaultErrors
{
    public static AwsServiceError Throttled(WireProtocol protocol, string operation) => protocol switch
    {
        WireProtocol.AwsQuery => new AwsServiceError("Throttling", 400, "Rate exceeded"),
        WireProtocol.AwsJson11 => new AwsServiceError("ThrottlingException", 400, "Rate exceeded"),
        _ => Errors.Throttling(operation),
    };

    public static AwsServiceError Internal(WireProtocol protocol) => protocol switch
    {
        WireProtocol.AwsQuery => new AwsServiceError("InternalFailure", 500, "The request processing has failed because of an unknown error.", senderFault: false),
        WireProtocol.AwsJson11 => new AwsServiceError("InternalServiceException", 500, "An internal service error occurred.", senderFault: false),
        _ => Errors.Internal(),
    };
}
