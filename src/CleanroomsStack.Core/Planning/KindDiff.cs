namespace CleanroomsStack.Core.Planning;

/// <summary>What a kind's differ found inside one membership.</summary>
public sealed record KindDiff(IReadOnlyList<ResourceChange> Changes, IReadOnlyList<UnmanagedResource> Unmanaged, IReadOnlyList<Diagnostics.Diagnostic>? Diagnostics = null);
