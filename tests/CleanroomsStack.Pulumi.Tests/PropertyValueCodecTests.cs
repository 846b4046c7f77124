using CleanroomsStack.Pulumi.Values;
using Google.Protobuf.WellKnownTypes;
using StringValue = CleanroomsStack.Pulumi.Values.StringValue;

namespace CleanroomsStack.Pulumi.Tests;

/// <summary>Values as Pulumi's engine encodes them in a Struct: unknowns, secrets, resource references, output values.</summary>
public sealed class PropertyValueCodecTests
{
    private const string Sig = PropertyValueCodec.SignatureKey;

    private static Value Signed(string signature, params (string Key, Value Value)[] fields)
    {
        var s = new Struct { Fields = { [Sig] = Value.ForString(signature) } };
        foreach (var (key, value) in fields) s.Fields[key] = value;
        return Value.ForStruct(s);
    }

    [Fact]
    public void The_unknown_sentinel_decodes_as_unknown_and_makes_its_container_unknown()
    {
        var list = PropertyValueCodec.Decode(Value.ForList(Value.ForString("a"), Value.ForString("04da6b54-80e4-46f7-96ec-b56ff0331ba9")));
        var array = Assert.IsType<ArrayValue>(list);
        Assert.IsType<UnknownValue>(array.Items[1]);
        Assert.False(array.IsKnown);
    }

    [Fact]
    public void A_secret_decodes_to_its_value_marked_secret_and_encodes_back_the_same()
    {
        var wire = Signed("1b47061264138c4ac30d75fd1eb44270", ("value", Value.ForString("s3cr3t")));
        var secret = Assert.IsType<SecretValue>(PropertyValueCodec.Decode(wire));
        Assert.Equal(new StringValue("s3cr3t"), secret.Inner);
        Assert.True(secret.ContainsSecret);
        Assert.Equal(wire, PropertyValueCodec.Encode(secret));
    }

    [Fact]
    public void A_resource_reference_keeps_its_urn_and_id_and_an_unknown_id_is_unknown()
    {
        var known = PropertyValueCodec.Decode(Signed("5cf8f73096256a8f31e491e813e4eb8e",
            ("urn", Value.ForString("urn:pulumi:dev::p::cleanroomsstack:index:Membership::m")), ("id", Value.ForString("m-1"))));
        var reference = Assert.IsType<ResourceReferenceValue>(known);
        Assert.Equal(new StringValue("m-1"), reference.Id);
        Assert.True(reference.IsKnown);
        var pending = PropertyValueCodec.Decode(Signed("5cf8f73096256a8f31e491e813e4eb8e",
            ("urn", Value.ForString("urn:x")), ("id", Value.ForString(PropertyValueCodec.UnknownSentinel))));
        Assert.False(pending.IsKnown);
        Assert.Equal(Signed("5cf8f73096256a8f31e491e813e4eb8e", ("urn", Value.ForString("urn:x")), ("id", Value.ForString(PropertyValueCodec.UnknownSentinel))),
            PropertyValueCodec.Encode(pending));
    }

    [Fact]
    public void An_output_value_without_a_value_is_unknown_and_a_secret_one_stays_secret()
    {
        Assert.IsType<UnknownValue>(PropertyValueCodec.Decode(Signed("d0e6a833031e9bbcd3f4e8bde6ca49a4")));
        var secret = PropertyValueCodec.Decode(Signed("d0e6a833031e9bbcd3f4e8bde6ca49a4", ("value", Value.ForNumber(3)), ("secret", Value.ForBool(true))));
        Assert.Equal(new SecretValue(new NumberValue(3)), secret);
    }

    [Fact]
    public void Plain_data_round_trips_and_an_unknown_signature_is_a_clear_error()
    {
        var plain = new Struct
        {
            Fields =
            {
                ["a"] = Value.ForString("x"), ["b"] = Value.ForBool(true), ["c"] = Value.ForNumber(1.5), ["d"] = Value.ForNull(),
                ["e"] = Value.ForStruct(new Struct { Fields = { ["f"] = Value.ForList(Value.ForString("g")) } }),
            },
        };
        Assert.Equal(plain, PropertyValueCodec.Encode(PropertyValueCodec.Decode(plain)));
        var e = Assert.Throws<InvalidPropertyException>(() => PropertyValueCodec.Decode(Signed("deadbeef")));
        Assert.Contains("deadbeef", e.Message);
    }
}
