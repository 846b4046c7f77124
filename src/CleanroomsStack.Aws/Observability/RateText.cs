using System.Globalization;
using CleanroomsStack.Aws.Http;

namespace CleanroomsStack.Aws.Observability;

/// <summary>How an operation's rate reads in logs and summaries: "5" given, "~20.1" estimated, ">=6.2" at least.</summary>
public static class RateText
{
    public static string Of(OperationRate rate) => rate.Basis switch
    {
        RateBasis.Given => Number(rate.Rate),
        RateBasis.Estimated => "~" + Number(rate.Rate),
        RateBasis.AtLeast => ">=" + Number(rate.Rate),
        _ => throw new ArgumentOutOfRangeException(nameof(rate), rate.Basis, "unknown rate basis"),
    };

    /// <summary>Requests per second with one decimal (no decimal for whole numbers): "5", "20.1".</summary>
    public static string Number(double requestsPerSecond)
    {
        var rounded = Math.Round(requestsPerSecond, 1);
        return rounded.ToString(rounded == Math.Floor(rounded) ? "0" : "0.0", CultureInfo.InvariantCulture);
    }
}
