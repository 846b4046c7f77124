using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Pulumi.Values;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace CleanroomsStack.Pulumi.Rpc;

/// <summary>
/// Every failure of a call becomes a gRPC status with a message the Pulumi user can act on; the plugin itself never
/// goes down with a call. Bad inputs are InvalidArgument, missing AWS configuration FailedPrecondition, AWS errors by
/// their kind in our one taxonomy, and anything else (a bug) Internal with its message.
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception e)
        {
            var status = StatusOf(e);
            if (status.StatusCode == StatusCode.Internal) logger.LogError(e, "{Method} failed", context.Method);
            throw new RpcException(status);
        }
    }

    public static Status StatusOf(Exception e) => e switch
    {
        InvalidPropertyException => new Status(StatusCode.InvalidArgument, e.Message),
        AwsConfigurationException => new Status(StatusCode.FailedPrecondition, e.Message),
        AwsApiException aws => new Status(CodeOf(aws.Kind), e.Message),
        OperationCanceledException => new Status(StatusCode.Cancelled, "the operation was cancelled"),
        _ => new Status(StatusCode.Internal, $"cleanroomsstack provider bug: {e.Message}"),
    };

    private static StatusCode CodeOf(AwsErrorKind kind) => kind switch
    {
        AwsErrorKind.NotFound => StatusCode.NotFound,
        AwsErrorKind.Conflict => StatusCode.Aborted,
        AwsErrorKind.Throttled or AwsErrorKind.QuotaExceeded => StatusCode.ResourceExhausted,
        AwsErrorKind.Validation => StatusCode.InvalidArgument,
        AwsErrorKind.AccessDenied => StatusCode.PermissionDenied,
        AwsErrorKind.Transient => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
