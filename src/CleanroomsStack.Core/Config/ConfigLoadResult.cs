using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>The outcome of loading: a config when there were no errors, and every diagnostic found either way.</summary>
public sealed record ConfigLoadResult(StackConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Config is not null;

    /// <summary>The files <c>extends</c> brought in, nearest first (a saved plan is bound to their text too).</summary>
    public IReadOnlyList<ConfigSource> Extended { get; init; } = [];
}

/// <summary>A config file's path (as shown in diagnostics) and text.</summary>
public sealed record ConfigSource(string Path, string Text);

/// <summary>What reading a file named by <c>extends</c> gave: its text, or why there is none (e.g. "does not exist").</summary>
public sealed record ConfigFileRead(string? Text, string? Problem);

/// <summary>Reads a file an <c>extends</c> key names (the loader itself does no I/O).</summary>
public delegate ConfigFileRead ConfigFileReader(string path);
