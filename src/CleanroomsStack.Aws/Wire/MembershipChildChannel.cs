using System.Text.Json.Serialization.Metadata;
using static CleanroomsStack.Aws.Wire.RestUri;

namespace CleanroomsStack.Aws.Wire;

/// <summary>
/// The wire of one kind of resource inside a membership (configured table associations, ID namespace associations,
/// ID mapping tables, analysis templates): List and Create on <c>/memberships/{mid}/{collection}</c>, Get, Update
/// and Delete on <c>…/{collection}/{id}</c>, every answer but Delete's wrapped in the kind's output member. The five
/// operations are the ones named <c>List{Kind}s</c>, <c>Get{Kind}</c>, … in <see cref="Operations"/>.
/// </summary>
internal sealed class MembershipChildChannel<TResource, TSummary, TPage, TEnvelope>(
    RestJsonChannel rest, string kind, string collection,
    JsonTypeInfo<TPage> page, JsonTypeInfo<TEnvelope> envelope, Func<TEnvelope, TResource?> member)
    where TPage : IPage<TSummary>
{
    private readonly AwsOperation _list = Named($"List{kind}s");
    private readonly AwsOperation _get = Named($"Get{kind}");
    private readonly AwsOperation _create = Named($"Create{kind}");
    private readonly AwsOperation _update = Named($"Update{kind}");
    private readonly AwsOperation _delete = Named($"Delete{kind}");

    public Task<IReadOnlyList<TSummary>> ListAsync(string membershipId, CancellationToken ct) =>
        rest.ListAllAsync<TPage, TSummary>(_list, CollectionPath(membershipId), [("maxResults", RestJsonChannel.MaxPageSize)], page, ct);

    public Task<TResource> GetAsync(string membershipId, string id, CancellationToken ct) =>
        rest.GetResourceAsync(_get, ItemPath(membershipId, id), envelope, member, ct);

    public Task<TResource> CreateAsync<TBody>(string membershipId, TBody body, JsonTypeInfo<TBody> input, CancellationToken ct) =>
        rest.SendForResourceAsync(_create, CollectionPath(membershipId), body, input, envelope, member, ct);

    public Task<TResource> UpdateAsync<TBody>(string membershipId, string id, TBody body, JsonTypeInfo<TBody> input, CancellationToken ct) =>
        rest.SendForResourceAsync(_update, ItemPath(membershipId, id), body, input, envelope, member, ct);

    public Task DeleteAsync(string membershipId, string id, CancellationToken ct) => rest.DeleteAsync(_delete, ItemPath(membershipId, id), ct);

    /// <summary>The path of one resource of this kind, for operations below it (a table association's analysis rules).</summary>
    public string ItemPath(string membershipId, string id) => $"{CollectionPath(membershipId)}/{Label(id)}";

    private string CollectionPath(string membershipId) => $"/memberships/{Label(membershipId)}/{collection}";

    private static AwsOperation Named(string name) =>
        Operations.ByName(name) ?? throw new InvalidOperationException($"{name} is missing from the operation table.");
}
