using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;

namespace CleanroomsStack.Emulator.Behaviours;

/// <summary>
/// Turns the emulator's own error answers into the ones AWS gives, per <see cref="AwsBehaviour"/>, in one place after
/// the handler, so handlers keep raising the precise error and every operation is treated alike.
/// </summary>
public static class BehaviourErrors
{
    public static AwsServiceError Apply(AwsServiceError error, Route route, AwsBehaviour behaviour)
    {
        if (route.Service != "cleanrooms") return error;
        if (error.Code == "ResourceNotFoundException" && behaviour.MissingAs == AwsBehaviour.AccessDenied && AddressesOneResource(route.Operation))
        {
            // AWS's own CloudFormation handlers: "when we don't find a resource, we somehow seem to throw an AccessDenied".
            return new AwsServiceError("AccessDeniedException", 403, "User is not authorized to perform this operation on the resource.",
                new JsonObject { ["reason"] = "INSUFFICIENT_PERMISSIONS" });
        }

        if (error.Code == "ConflictException" && behaviour.ConflictWithoutReason)
        {
            var members = (JsonObject)error.Members.DeepClone();
            members.Remove("reason");
            return new AwsServiceError(error.Code, error.StatusCode, error.Message, members);
        }

        return error;
    }

    /// <summary>Get, Update, Delete and Create name one resource (or its parent) in the path; lists and batches answer for many.</summary>
    private static bool AddressesOneResource(string operation) =>
        !operation.StartsWith("List", StringComparison.Ordinal) && !operation.StartsWith("Batch", StringComparison.Ordinal);
}
