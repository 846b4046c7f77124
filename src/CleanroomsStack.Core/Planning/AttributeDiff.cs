namespace CleanroomsStack.Core.Planning;

/// <summary>
/// One attribute's change, keyed by its path in the AWS request shape (e.g. <c>analysisRulePolicy.allowedResultReceivers</c>).
/// Values are rendered strings so every output format shows the same thing; null means absent.
/// </summary>
public sealed record AttributeDiff(string Path, string? Before, string? After, bool ForcesReplacement = false);
