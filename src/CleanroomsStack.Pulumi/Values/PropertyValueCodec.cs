using Google.Protobuf.WellKnownTypes;

namespace CleanroomsStack.Pulumi.Values;

/// <summary>
/// Decodes and encodes property values the way Pulumi's engine puts them in a <c>google.protobuf.Struct</c>: an unknown is
/// the string <see cref="UnknownSentinel"/>; a secret, a resource reference or an output value is an object whose
/// <see cref="SignatureKey"/> names which one it is. Anything else is plain data.
/// </summary>
public static class PropertyValueCodec
{
    public const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    public const string ResourceReferenceSignature = "5cf8f73096256a8f31e491e813e4eb8e";
    public const string OutputValueSignature = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    public const string AssetSignature = "c44067f5952c0a294b673a41bacd8c17";
    public const string ArchiveSignature = "0def7320c3a5731c473e5ecbe6d01bc7";

    public static ObjectValue Decode(Struct? properties) =>
        new(properties?.Fields.ToDictionary(f => f.Key, f => Decode(f.Value)) ?? new Dictionary<string, PropertyValue>());

    public static PropertyValue Decode(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.None or Value.KindOneofCase.NullValue => PropertyValue.Null,
        Value.KindOneofCase.BoolValue => new BoolValue(value.BoolValue),
        Value.KindOneofCase.NumberValue => new NumberValue(value.NumberValue),
        Value.KindOneofCase.StringValue => value.StringValue == UnknownSentinel ? UnknownValue.Instance : new StringValue(value.StringValue),
        Value.KindOneofCase.ListValue => new ArrayValue(value.ListValue.Values.Select(Decode).ToList()),
        Value.KindOneofCase.StructValue => DecodeObject(value.StructValue),
        _ => throw new InvalidPropertyException($"a value of protobuf kind {value.KindCase} is not a Pulumi property value"),
    };

    private static PropertyValue DecodeObject(Struct fields)
    {
        if (!fields.Fields.TryGetValue(SignatureKey, out var signature))
            return Decode(fields);
        string? Text(string key) => fields.Fields.TryGetValue(key, out var v) && v.KindCase == Value.KindOneofCase.StringValue ? v.StringValue : null;
        return signature.StringValue switch
        {
            SecretSignature => new SecretValue(fields.Fields.TryGetValue("value", out var inner) ? Decode(inner) : PropertyValue.Null),
            ResourceReferenceSignature => new ResourceReferenceValue(
                Text("urn") ?? throw new InvalidPropertyException("a resource reference without a urn"),
                fields.Fields.TryGetValue("id", out var id) ? Decode(id) : null, Text("packageVersion")),
            OutputValueSignature => DecodeOutput(fields),
            AssetSignature or ArchiveSignature => throw new InvalidPropertyException("assets and archives are not inputs of any cleanroomsstack resource"),
            var other => throw new InvalidPropertyException($"an object with the unknown Pulumi signature '{other}'"),
        };
    }

    // An output value carries its own known-ness and secrecy (sent only to providers that accept outputs; decoded anyway).
    private static PropertyValue DecodeOutput(Struct fields)
    {
        PropertyValue inner = fields.Fields.TryGetValue("value", out var value) ? Decode(value) : UnknownValue.Instance;
        var secret = fields.Fields.TryGetValue("secret", out var flag) && flag.BoolValue;
        return secret ? new SecretValue(inner) : inner;
    }

    public static Struct Encode(ObjectValue properties)
    {
        var result = new Struct();
        foreach (var (key, value) in properties.Properties) result.Fields[key] = Encode(value);
        return result;
    }

    public static Value Encode(PropertyValue value) => value switch
    {
        NullValue => Value.ForNull(),
        BoolValue b => Value.ForBool(b.Value),
        NumberValue n => Value.ForNumber(n.Value),
        StringValue s => Value.ForString(s.Value),
        ArrayValue a => Value.ForList(a.Items.Select(Encode).ToArray()),
        ObjectValue o => Value.ForStruct(Encode(o)),
        UnknownValue => Value.ForString(UnknownSentinel),
        SecretValue s => Signed(SecretSignature, ("value", Encode(s.Inner))),
        ResourceReferenceValue r => Signed(ResourceReferenceSignature,
            [("urn", Value.ForString(r.Urn)), .. r.Id is null ? [] : new[] { ("id", Encode(r.Id)) },
             .. r.PackageVersion is null ? [] : new[] { ("packageVersion", Value.ForString(r.PackageVersion)) }]),
        _ => throw new InvalidOperationException($"no encoding for {value.GetType().Name}"),
    };

    private static Value Signed(string signature, params (string Key, Value Value)[] fields)
    {
        var result = new Struct { Fields = { [SignatureKey] = Value.ForString(signature) } };
        foreach (var (key, value) in fields) result.Fields[key] = value;
        return Value.ForStruct(result);
    }
}

/// <summary>A property value the protocol can carry but this provider can't take; becomes an InvalidArgument error.</summary>
public sealed class InvalidPropertyException(string message) : Exception(message);
