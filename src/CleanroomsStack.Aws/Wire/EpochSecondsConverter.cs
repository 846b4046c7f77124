using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanroomsStack.Aws.Wire;

/// <summary>
/// restJson1 timestamps without a timestampFormat trait are epoch seconds, possibly fractional (1712345678.123).
/// Reads tolerate an ISO-8601 string too, since that costs nothing and some proxies rewrite numbers.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var seconds = reader.GetDecimal();
            return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m));
        }
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.ToUniversalTime();
        }
        throw new JsonException($"Expected a timestamp in epoch seconds, found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
