using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine;

/// <summary>An AWS error in plain words for people: the code, AWS's message, the details that help, and the request id.</summary>
public static class ErrorText
{
    public static string Describe(AwsApiException e)
    {
        var parts = new List<string> { $"{e.Code}: {e.AwsMessage}" };
        if (e.Reason is not null) parts.Add($"reason {e.Reason}");
        if (e.FieldList.Count > 0) parts.Add("fields " + string.Join(", ", e.FieldList.Select(f => $"{f.Name} ({f.Message})")));
        if (e.QuotaName is not null) parts.Add($"quota '{e.QuotaName}' = {e.QuotaValue}");
        if (e.RequestId is not null) parts.Add($"request id {e.RequestId}");
        return string.Join("; ", parts);
    }
}
