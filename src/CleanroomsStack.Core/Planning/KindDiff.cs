namespace CleanroomsStack.Core.Planning;

/// <summary>What a differ found for one resource kind inside one membership.</summary>
public sealed record KindDiff(IReadOnlyList<ResourceChange> Changes, IReadOnlyList<UnmanagedResource> Unmanaged, IReadOnlyList<Diagnostics.Diagnostic>? Diagnostics = null);
