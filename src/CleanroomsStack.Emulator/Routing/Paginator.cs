using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;

namespace CleanroomsStack.Emulator.Routing;

/// <summary>The paging members of one request, wherever the protocol carries them (query string or JSON body).</summary>
public sealed record PageRequest(string Operation, string? RawMaxResults, string? RawNextToken, string MaxResultsName, string NextTokenName);

/// <summary>
/// AWS-style pagination: <c>maxResults</c> within the operation's bounds, and an opaque <c>nextToken</c> bound to
/// the operation that issued it, so a token from elsewhere or a tampered one is a ValidationException.
/// </summary>
public static class Paginator
{
    private const string TokenPrefix = "cleanrooms-emulator/v1";

    private const int RepeatingPageSize = 10;

    /// <summary>Pages with <c>maxResults</c> and <c>nextToken</c> from the query string (restJson).</summary>
    public static (List<T> Page, string? NextToken) Page<T>(OperationContext context, IReadOnlyList<T> items,
        int maxAllowed = 100, int defaultPageSize = 100) =>
        Page(new PageRequest(context.Operation, context.QueryValue("maxResults"), context.QueryValue("nextToken"), "maxResults", "nextToken"),
            context.World.Faults.ShortPages, items, maxAllowed, defaultPageSize, context.World.Faults.Behaviour.RepeatListItems);

    public static (List<T> Page, string? NextToken) Page<T>(PageRequest request, bool shortPages, IReadOnlyList<T> items,
        int maxAllowed = 100, int defaultPageSize = 100, bool repeatItems = false)
    {
        var pageSize = defaultPageSize;
        if (request.RawMaxResults is { } rawMax)
        {
            if (!int.TryParse(rawMax, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1)
                throw Errors.Validation(request.MaxResultsName, "Member must have value greater than or equal to 1");
            if (pageSize > maxAllowed)
                throw Errors.Validation(request.MaxResultsName, $"Member must have value less than or equal to {maxAllowed.ToString(CultureInfo.InvariantCulture)}");
        }

        var offset = request.RawNextToken is { } rawToken ? DecodeToken(rawToken, request.Operation, items.Count, request.NextTokenName) : 0;
        // An eventually consistent listing may hand out again the item a page ended with; only with room for progress.
        // Pages are then at most ten items, so that the short listings of a demo world span pages too.
        if (repeatItems) pageSize = Math.Min(pageSize, RepeatingPageSize);
        var start = repeatItems && offset > 0 && pageSize > 1 ? offset - 1 : offset;
        var page = items.Skip(start).Take(pageSize).ToList();
        // AWS may end a page early and still hand out a token; clients must follow tokens, not count items.
        if (shortPages && page.Count > 1) page = page.Take(page.Count / 2).ToList();
        var next = start + page.Count;
        return (page, next < items.Count ? EncodeToken(request.Operation, next) : null);
    }

    /// <summary>
    /// Adds the page and token to a response under the operation's list member name, made malformed as the operation's
    /// <see cref="FaultSettings.MalformedListings"/> entry says, if it has one.
    /// </summary>
    public static JsonObject ListResponse<T>(OperationContext context, string listMember, IReadOnlyList<T> items, Func<T, JsonNode> render)
    {
        var (page, nextToken) = Page(context, items);
        var rendered = new JsonArray(page.Select(render).ToArray());
        if (context.World.Faults.MalformedListings.TryGetValue(context.Operation, out var malformed))
        {
            malformed.Apply(rendered);
            // Tokens before the end are fresh already (their offsets grow); past it, a serial makes each one new.
            if (malformed.EndlessNextToken && nextToken is null) nextToken = EndlessToken(context.Operation, context.QueryValue("nextToken"), items.Count);
        }
        var response = new JsonObject { [listMember] = rendered };
        if (nextToken is not null) response["nextToken"] = nextToken;
        return response;
    }

    /// <summary>A token past the last item that was never handed out before: its serial counts the pages past the end.</summary>
    private static string EndlessToken(string operation, string? previous, int count)
    {
        var serial = previous is null ? 0 : Decode(previous, operation, count, "nextToken").Serial;
        return EncodeToken(operation, count, serial + 1);
    }

    private static string EncodeToken(string operation, int offset, int serial = 0) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TokenPrefix}|{operation}|{offset.ToString(CultureInfo.InvariantCulture)}"
            + (serial > 0 ? $"|{serial.ToString(CultureInfo.InvariantCulture)}" : "")));

    private static int DecodeToken(string token, string operation, int count, string field) => Decode(token, operation, count, field).Offset;

    /// <summary>The offset a token stands for, and its serial (0 but for the tokens of an endless listing).</summary>
    private static (int Offset, int Serial) Decode(string token, string operation, int count, string field)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw InvalidToken(field);
        }

        var parts = text.Split('|');
        var serial = 0;
        if (parts.Length is not (3 or 4) || parts[0] != TokenPrefix || parts[1] != operation
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset > count
            || (parts.Length == 4 && !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out serial)))
            throw InvalidToken(field);
        return (offset, serial);
    }

    private static AwsServiceError InvalidToken(string field) =>
        Errors.Validation(field, "The pagination token is invalid or has expired.");
}
