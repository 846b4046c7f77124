using System.Text.RegularExpressions;

namespace CleanroomsStack.Emulator.Validation;

/// <summary>The string constraints of the service models (facts §2a), compiled once.</summary>
public static partial class Patterns
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    public static partial Regex Uuid();

    [GeneratedRegex(@"^\d+$")]
    public static partial Regex AccountIdDigits();

    [GeneratedRegex("^(?!\\s*$)[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t]*$")]
    public static partial Regex DisplayName();

    [GeneratedRegex("^(?!\\s*$)[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\r\n\t]*$")]
    public static partial Regex CollaborationDescription();

    [GeneratedRegex("^[a-zA-Z0-9_](([a-zA-Z0-9_ ]+-)*([a-zA-Z0-9_ ]+))?$")]
    public static partial Regex TableAlias();

    [GeneratedRegex("^[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t\r\n]*$")]
    public static partial Regex Description();

    [GeneratedRegex(@"^arn:aws:iam::[\w]+:role/[\w+=./@-]+$")]
    public static partial Regex RoleArn();

    [GeneratedRegex(@"^arn:aws:entityresolution:[\w]{2}-[\w]{4,9}-[\d]:[\d]{12}:idnamespace/[\d\w-]+$")]
    public static partial Regex IdNamespaceArn();

    [GeneratedRegex(@"^arn:aws:cleanrooms:[\w]{2}-[\w]{4,9}-[\d]:[\d]{12}:[\d\w/-]+$")]
    public static partial Regex CleanroomsArn();

    [GeneratedRegex("^[a-zA-Z_0-9-]*$")]
    public static partial Regex IdNamespaceName();

    [GeneratedRegex(@"^[a-z0-9_](([a-z0-9_ ]+-)*([a-z0-9_ ]+))?$")]
    public static partial Regex ColumnName();

    [GeneratedRegex(@"^arn:aws:kms:[\w]{2}-[\w]{4,9}-[\d]:[\d]{12}:key/[a-zA-Z0-9-]+$")]
    public static partial Regex KmsKeyArn();

    /// <summary>Analysis template parameter names (ParameterName).</summary>
    [GeneratedRegex("^[0-9a-zA-Z_]+$")]
    public static partial Regex ParameterName();

    [GeneratedRegex(@"^arn:(aws|aws-us-gov|aws-cn):entityresolution:.*:[0-9]+:(idmappingworkflow/.*)$")]
    public static partial Regex IdMappingWorkflowArn();

    /// <summary>A Clean Rooms ML configured audience model (ConfiguredAudienceModelArn).</summary>
    [GeneratedRegex(@"^arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:configured-audience-model/[-a-zA-Z0-9_/.]+$")]
    public static partial Regex ConfiguredAudienceModelArn();
}
