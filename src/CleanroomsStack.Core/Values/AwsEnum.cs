using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanroomsStack.Core.Values;

/// <summary>
/// A value of one of AWS's enums, as AWS sent it. It is parsed once, where a response is read, and kept as is: a value
/// this version knows (compare it with the type's named values), or one AWS added later, which is never taken for
/// another value — <see cref="IsKnown"/> is false and <see cref="Describe"/> says what it is and where it came from.
/// Whether an unknown value may be read at all is the type's <see cref="MustBeKnown"/>.
/// </summary>
public abstract record AwsEnum(string Value)
{
    /// <summary>The field the value is of, e.g. "membership status", for messages about values this version doesn't know.</summary>
    public abstract string Field { get; }

    public abstract bool IsKnown { get; }

    /// <summary>
    /// Whether the engine decides on this field (join, adopt, leave, re-create or leave alone), so that a value it doesn't
    /// know can't be acted on safely: a response holding one is malformed, and the AWS client refuses it where it is read,
    /// naming the operation, the field and the value, before anything is planned. False for fields where a new value
    /// changes no decision of ours (abilities, log statuses, rule types): those are kept and reported where they matter.
    /// </summary>
    public virtual bool MustBeKnown => false;

    /// <summary>"unknown value 'SUSPENDED' of membership status" for a value this version doesn't know; the value otherwise.</summary>
    public string Describe() => IsKnown ? Value : $"unknown value '{Value}' of {Field}";

    public sealed override string ToString() => Value;
}

/// <summary>What the JSON converter needs of a value type: how to make one from the text AWS sent.</summary>
public interface IAwsEnum<out TSelf>
{
    static abstract TSelf Of(string value);
}

/// <summary>(De)serialises an <see cref="AwsEnum"/> as the JSON string AWS uses.</summary>
public sealed class AwsEnumConverter<T> : JsonConverter<T> where T : AwsEnum, IAwsEnum<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? T.Of(reader.GetString()!)
            : throw new JsonException($"expected a string for {typeof(T).Name}, found {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
