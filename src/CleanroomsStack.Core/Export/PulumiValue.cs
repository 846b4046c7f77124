using System.Diagnostics.CodeAnalysis;

namespace CleanroomsStack.Core.Export;

/// <summary>A property value of a Pulumi YAML program: text, a boolean, a list or a map with keys in a fixed order.</summary>
public abstract record PulumiValue
{
    /// <summary>Optional text: null stays null, so optional properties drop out of <see cref="PulumiMap.Of"/>.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator PulumiValue?(string? text) => text is null ? null : new PulumiText(text);

    public static implicit operator PulumiValue(bool value) => new PulumiBool(value);
}

/// <summary>Always a string in the program, even when it looks like a number (account ids).</summary>
public sealed record PulumiText(string Value) : PulumiValue;

public sealed record PulumiBool(bool Value) : PulumiValue;

public sealed record PulumiList(IReadOnlyList<PulumiValue> Items) : PulumiValue
{
    public static PulumiList Of(IEnumerable<PulumiValue> items) => new(items.ToList());
}

public sealed record PulumiMap(IReadOnlyList<KeyValuePair<string, PulumiValue>> Entries) : PulumiValue
{
    /// <summary>A map of the given entries in the given order; entries whose value is null are left out (optional properties).</summary>
    public static PulumiMap Of(params (string Key, PulumiValue? Value)[] entries) =>
        new(entries.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, PulumiValue>(e.Key, e.Value!)).ToList());

    public PulumiValue? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;
}

/// <summary>One resource of the program.</summary>
/// <param name="Name">The logical name, unique in the program.</param>
/// <param name="Type">The resource type token, e.g. aws-native:cleanrooms:Membership.</param>
/// <param name="ImportId">The id Pulumi adopts the existing resource by; null when it doesn't exist yet.</param>
/// <param name="Protect">Pulumi refuses to delete it (a membership can't be re-joined once left).</param>
public sealed record PulumiResource(string Name, string Type, PulumiMap Properties, string? ImportId, bool Protect);

/// <summary>A Pulumi YAML program (Pulumi.yaml) and the config of its stack (Pulumi.&lt;stack&gt;.yaml).</summary>
public sealed record PulumiProgram(string Project, string Stack, string Region, IReadOnlyList<PulumiResource> Resources);
