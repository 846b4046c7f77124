using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>The outcome of loading: a config when there were no errors, and every diagnostic found either way.</summary>
public sealed record ConfigLoadResult(StackConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Config is not null;
}
