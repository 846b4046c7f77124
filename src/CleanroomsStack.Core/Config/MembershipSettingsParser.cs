using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Config;

/// <summary>Reads the <c>membership</c> settings block: logging, default result configuration, payment.</summary>
internal sealed class MembershipSettingsParser(ConfigReader reader)
{
    private static readonly string[] LogStatuses = ["ENABLED", "DISABLED"];
    private static readonly string[] ResultFormats = ["CSV", "PARQUET"];

    public MembershipSettings? Parse(YamlNode? node)
    {
        if (node is null)
            return new MembershipSettings("DISABLED");
        if (reader.Mapping(node, "membership", ["queryLogStatus", "jobLogStatus", "defaultResultConfiguration", "paymentConfiguration"]) is not { } map)
            return null;
        var query = map.Find("queryLogStatus") is { } q ? reader.Enum(q.Value, "membership.queryLogStatus", LogStatuses) : "DISABLED";
        var job = map.Find("jobLogStatus") is { } j ? reader.Enum(j.Value, "membership.jobLogStatus", LogStatuses) : null;
        var result = map.Find("defaultResultConfiguration") is { } r ? ResultConfiguration(r.Value) : null;
        var payment = map.Find("paymentConfiguration") is { } p ? Payment(p.Value) : null;
        bool Failed(string key, object? value) => map.Find(key) is not null && value is null;
        if (query is null || Failed("jobLogStatus", job) || Failed("defaultResultConfiguration", result) || Failed("paymentConfiguration", payment))
            return null;
        return new MembershipSettings(query, job, result, payment);
    }

    private ResultConfigurationSettings? ResultConfiguration(YamlNode node)
    {
        const string path = "membership.defaultResultConfiguration";
        if (reader.Mapping(node, path, ["bucket", "keyPrefix", "resultFormat", "singleFileOutput", "role"]) is not { } map)
            return null;
        var bucket = map.Find("bucket") is { } b
            ? reader.Checked(reader.String(b.Value, $"{path}.bucket"), b.Value, Formats.IsBucketName, DiagnosticCodes.InvalidName,
                $"{path}.bucket is not a valid S3 bucket name", "bucket names are 3-63 lowercase letters, digits, '.' and '-'")
            : Missing(map, path, "bucket", "the S3 bucket results are written to");
        var prefix = map.Find("keyPrefix") is { } k
            ? reader.Checked(reader.String(k.Value, $"{path}.keyPrefix"), k.Value, Formats.IsKeyPrefix, DiagnosticCodes.InvalidName,
                $"{path}.keyPrefix holds characters AWS rejects", "use letters, digits and !.=*/_- (up to 512 characters)")
            : null;
        var format = map.Find("resultFormat") is { } f ? reader.Enum(f.Value, $"{path}.resultFormat", ResultFormats) : "CSV";
        var single = map.Find("singleFileOutput") is { } s ? reader.Bool(s.Value, $"{path}.singleFileOutput") : false;
        var role = map.Find("role") is { } ro
            ? reader.Checked(reader.String(ro.Value, $"{path}.role"), ro.Value, Formats.IsRoleNameOrArn, DiagnosticCodes.InvalidArn,
                $"{path}.role is neither an IAM role name nor a role ARN", "write a role name or 'arn:aws:iam::<account>:role/<name>'")
            : null;
        if (bucket is null || format is null || single is null || (map.Find("keyPrefix") is not null && prefix is null) || (map.Find("role") is not null && role is null))
            return null;
        return new ResultConfigurationSettings(bucket, prefix, format, single.Value, role);
    }

    private Located<PaymentConfiguration>? Payment(YamlNode node)
    {
        const string path = "membership.paymentConfiguration";
        if (reader.Mapping(node, path, ["queryCompute", "jobCompute", "machineLearning"]) is not { } map)
            return null;
        var query = map.Find("queryCompute") is { } q ? reader.Bool(q.Value, $"{path}.queryCompute") : null;
        if (map.Find("queryCompute") is null)
            Missing(map, path, "queryCompute", "true if this account pays for the queries it runs, as the creator assigned");
        var failed = query is null;
        var payment = new PaymentConfiguration(query ?? false);
        var machineLearning = map.Find(PaymentKind.MachineLearning) is { } ml
            ? reader.Mapping(ml.Value, $"{path}.{PaymentKind.MachineLearning}", [.. PaymentKind.All.Where(k => k.Group is not null).Select(k => k.Key)])
            : null;
        failed |= map.Find(PaymentKind.MachineLearning) is not null && machineLearning is null;
        foreach (var kind in PaymentKind.All.Skip(1))
        {
            var parent = kind.Group is null ? map : machineLearning;
            if (parent?.Find(kind.Key) is not { } entry) continue;
            if (reader.Bool(entry.Value, $"{path}.{kind.Path}") is { } value) payment = kind.With(payment, value);
            else failed = true;
        }
        return failed ? null : new Located<PaymentConfiguration>(payment, node.Location);
    }

    private string? Missing(YamlMapping map, string path, string key, string what)
    {
        reader.Error(DiagnosticCodes.MissingKey, $"{path} has no '{key}'", map.Location, $"add '{key}:' ({what})");
        return null;
    }
}
