using System.Reflection;
using CleanroomsStack.Aws;

namespace CleanroomsStack.GitOps.Tests.Support;

/// <summary>An AWS operation as the policy catalog names it: the IAM service prefix and the operation's name.</summary>
public sealed record CalledOperation(string Service, string Operation);

/// <summary>Which AWS operations the client can call, and which ones a CLI run did call.</summary>
public static class AwsCalls
{
    /// <summary>Every operation in the client's operation table (internal to the AWS project, so read by reflection).</summary>
    public static IReadOnlyList<CalledOperation> ClientOperations()
    {
        var table = typeof(CleanRoomsClientFactory).Assembly.GetType("CleanroomsStack.Aws.Wire.Operations", throwOnError: true)!;
        return table.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)!)
            .Select(op => new CalledOperation(
                ServicePrefix(op.GetType().GetProperty("Service")!.GetValue(op)!.ToString()!),
                (string)op.GetType().GetProperty("Name")!.GetValue(op)!))
            .ToList();
    }

    /// <summary>
    /// The operations named in the --verbose call log of a run: one line per attempt, "aws Service.Operation attempt n: ...".
    /// </summary>
    public static IReadOnlySet<CalledOperation> FromVerboseLog(string stderr) =>
        stderr.Split('\n')
            .Where(line => line.StartsWith("aws ", StringComparison.Ordinal) && line.Contains(" attempt ", StringComparison.Ordinal))
            .Select(line => line["aws ".Length..line.IndexOf(" attempt ", StringComparison.Ordinal)].Split('.'))
            .Select(parts => new CalledOperation(ServicePrefix(parts[0]), parts[1]))
            .ToHashSet();

    /// <summary>The client's service names (AwsService) as IAM action prefixes.</summary>
    private static string ServicePrefix(string service) => service.ToLowerInvariant();
}
