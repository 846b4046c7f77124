namespace CleanroomsStack.Pulumi.Values;

/// <summary>
/// A value as Pulumi's engine passes it to a provider: plain JSON-like data, plus the three things plain data can't say
/// that the protocol encodes inside a <c>google.protobuf.Struct</c> (see <see cref="PropertyValueCodec"/>): a value not
/// known yet (during preview), a secret, and a reference to another resource.
/// </summary>
public abstract record PropertyValue
{
    public static PropertyValue Null { get; } = new NullValue();

    /// <summary>True when neither it nor anything inside it is unknown.</summary>
    public abstract bool IsKnown { get; }

    /// <summary>True when it or anything inside it is a secret (outputs derived from it must stay secret).</summary>
    public abstract bool ContainsSecret { get; }
}

public sealed record NullValue : PropertyValue
{
    public override bool IsKnown => true;
    public override bool ContainsSecret => false;
}

public sealed record BoolValue(bool Value) : PropertyValue
{
    public override bool IsKnown => true;
    public override bool ContainsSecret => false;
}

public sealed record NumberValue(double Value) : PropertyValue
{
    public override bool IsKnown => true;
    public override bool ContainsSecret => false;
}

public sealed record StringValue(string Value) : PropertyValue
{
    public override bool IsKnown => true;
    public override bool ContainsSecret => false;
}

public sealed record ArrayValue(IReadOnlyList<PropertyValue> Items) : PropertyValue
{
    public override bool IsKnown => Items.All(i => i.IsKnown);
    public override bool ContainsSecret => Items.Any(i => i.ContainsSecret);

    public bool Equals(ArrayValue? other) => other is not null && Items.SequenceEqual(other.Items);
    public override int GetHashCode() => Items.Count;
}

public sealed record ObjectValue(IReadOnlyDictionary<string, PropertyValue> Properties) : PropertyValue
{
    public override bool IsKnown => Properties.Values.All(v => v.IsKnown);
    public override bool ContainsSecret => Properties.Values.Any(v => v.ContainsSecret);

    public PropertyValue? this[string key] => Properties.GetValueOrDefault(key);

    public bool Equals(ObjectValue? other) =>
        other is not null && Properties.Count == other.Properties.Count
        && Properties.All(p => other.Properties.TryGetValue(p.Key, out var v) && Equals(p.Value, v));

    public override int GetHashCode() => Properties.Count;
}

/// <summary>A value the engine doesn't know yet (e.g. another resource's output during a first preview).</summary>
public sealed record UnknownValue : PropertyValue
{
    public static UnknownValue Instance { get; } = new();
    public override bool IsKnown => false;
    public override bool ContainsSecret => false;
}

public sealed record SecretValue(PropertyValue Inner) : PropertyValue
{
    public override bool IsKnown => Inner.IsKnown;
    public override bool ContainsSecret => true;
}

/// <summary>A reference to a resource; for a custom resource its id stands for it (unknown while the resource isn't created).</summary>
public sealed record ResourceReferenceValue(string Urn, PropertyValue? Id, string? PackageVersion) : PropertyValue
{
    public override bool IsKnown => Id is null || Id.IsKnown;
    public override bool ContainsSecret => Id?.ContainsSecret ?? false;
}
