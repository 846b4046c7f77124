using System.Text.RegularExpressions;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Makes CLI output comparable with golden files: ids AWS mints at run time and durations become placeholders;
/// everything else (demo-world ids, names, counts, wording) stays exact.
/// </summary>
public static partial class OutputNormalizer
{
    public static string Normalize(string text, params string[] runtimeIds)
    {
        foreach (var (id, i) in runtimeIds.Distinct().Select((id, i) => (id, i)))
            text = text.Replace(id, $"<id-{i + 1}>");
        text = MembershipId().Replace(text, "membership <membership-id>");
        text = Seconds().Replace(text, "${1}0.0s");
        text = Milliseconds().Replace(text, "\"${1}\":0");
        text = AwsId().Replace(text, "\"awsId\":\"<aws-id>\"");
        return text.ReplaceLineEndings("\n");
    }

    [GeneratedRegex(@"membership [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex MembershipId();

    [GeneratedRegex(@"(\(|in |\s)\d+\.\ds\b")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"""awsId"":""[0-9a-f-]{36}""")]
    private static partial Regex AwsId();

    [GeneratedRegex(@"""(elapsedMs|durationMs|waitingMs)"":\d+")]
    private static partial Regex Milliseconds();
}
