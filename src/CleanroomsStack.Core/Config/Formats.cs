using System.Text.RegularExpressions;

namespace CleanroomsStack.Core.Config;

/// <summary>
/// Input formats the AWS APIs enforce, checked before any call so mistakes show up with a file position.
/// Patterns follow the Clean Rooms service model, loosened where the model hard-codes the <c>aws</c> partition.
/// </summary>
public static partial class Formats
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:entityresolution:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:idnamespace/[\w-]+$")]
    private static partial Regex IdNamespaceArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:[a-z-]+:[a-z0-9-*]*:(\d{12}|\*):\S+$")]
    private static partial Regex AdditionalAnalysisArnPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex RegionPattern();

    /// <summary>TableAlias from the service model: letters, digits, '_', ' ' and '-' (not right after the first character).</summary>
    [GeneratedRegex("^[a-zA-Z0-9_](([a-zA-Z0-9_ ]+-)*([a-zA-Z0-9_ ]+))?$")]
    private static partial Regex TableAliasPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();

    [GeneratedRegex(@"^[\w!.=*/-]{0,512}$")]
    private static partial Regex KeyPrefixPattern();

    public static bool IsBucketName(string value) => BucketPattern().IsMatch(value) && !value.Contains("..", StringComparison.Ordinal);

    public static bool IsKeyPrefix(string value) => KeyPrefixPattern().IsMatch(value);

    /// <summary>Tag keys: 1-128 characters, not in the reserved 'aws:' namespace.</summary>
    public static bool IsTagKey(string value) => value.Length is > 0 and <= 128 && !value.StartsWith("aws:", StringComparison.OrdinalIgnoreCase);

    public static bool IsTagValue(string value) => value.Length <= 256;

    [GeneratedRegex(@"^arn:aws[a-z-]*:entityresolution:[a-z0-9-]+:\d{12}:idmappingworkflow/\S+$")]
    private static partial Regex IdMappingWorkflowArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:kms:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:key/[a-zA-Z0-9-]+$")]
    private static partial Regex KmsKeyArnPattern();

    public static bool IsIdMappingWorkflowArn(string value) => value.Length is >= 20 and <= 2048 && IdMappingWorkflowArnPattern().IsMatch(value);

    public static bool IsKmsKeyArn(string value) => value.Length is >= 20 and <= 2048 && KmsKeyArnPattern().IsMatch(value);

    public static bool IsUuid(string value) => UuidPattern().IsMatch(value);

    public static bool IsUppercaseUuid(string value) => !IsUuid(value) && IsUuid(value.ToLowerInvariant());

    public static bool IsAccountId(string value) => AccountIdPattern().IsMatch(value);

    public static bool IsRoleArn(string value) => value.Length <= 512 && RoleArnPattern().IsMatch(value);

    public static bool IsRoleName(string value) => RoleNamePattern().IsMatch(value);

    public static bool IsRoleNameOrArn(string value) => value.StartsWith("arn:", StringComparison.Ordinal) ? IsRoleArn(value) : IsRoleName(value);

    public static bool IsIdNamespaceArn(string value) => value.Length <= 256 && IdNamespaceArnPattern().IsMatch(value);

    public static bool IsAdditionalAnalysisArn(string value) => value.Length <= 256 && AdditionalAnalysisArnPattern().IsMatch(value);

    public static bool IsRegion(string value) => RegionPattern().IsMatch(value);

    public static bool IsTableAlias(string value) => value.Length is > 0 and <= 128 && TableAliasPattern().IsMatch(value);

    /// <summary>GenericResourceName / DisplayName: 1–100 characters, not only whitespace, no line breaks, no astral characters.</summary>
    public static bool IsDisplayName(string value) =>
        value.Length is > 0 and <= 100 && !string.IsNullOrWhiteSpace(value) && !value.Any(c => c is '\r' or '\n' || char.IsSurrogate(c));

    /// <summary>Descriptions: up to 255 characters, no astral characters (the model pattern rejects them).</summary>
    public static bool IsDescription(string value) => value.Length <= 255 && !value.Any(char.IsSurrogate);
}
