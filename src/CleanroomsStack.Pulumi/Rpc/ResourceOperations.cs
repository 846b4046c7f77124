using CleanroomsStack.Pulumi.Hosting;
using CleanroomsStack.Pulumi.Protocol;
using CleanroomsStack.Pulumi.Resources;
using CleanroomsStack.Pulumi.Schema;
using CleanroomsStack.Pulumi.Values;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CleanroomsStack.Pulumi.Rpc;

/// <summary>The resource lifecycle and functions: protocol messages in and out, dispatched by type token to each resource's handler.</summary>
public sealed class ResourceOperations(ProviderState state)
{
    private static readonly IReadOnlyList<ResourceHandler> Handlers = [new MembershipHandler(), new TableAssociationHandler(), new IdNamespaceAssociationHandler(), new AnalysisTemplateHandler(), new IdMappingTableHandler()];

    public Task<CheckResponse> CheckAsync(CheckRequest request)
    {
        var news = PropertyValueCodec.Decode(request.News);
        var response = new CheckResponse { Inputs = request.News ?? new Struct() };
        response.Failures.Add(HandlerFor(request.Type).Check(news).Select(f => new CheckFailure { Property = f.Property, Reason = f.Reason }));
        return Task.FromResult(response);
    }

    public async Task<DiffResponse> DiffAsync(DiffRequest request, CancellationToken ct)
    {
        var changes = await HandlerFor(request.Type).DiffAsync(request.Id, PropertyValueCodec.Decode(request.Olds), PropertyValueCodec.Decode(request.News), state, ct);
        var response = new DiffResponse
        {
            HasDetailedDiff = true,
            Changes = changes.Count == 0 ? DiffResponse.Types.DiffChanges.DiffNone : DiffResponse.Types.DiffChanges.DiffSome,
        };
        foreach (var change in changes)
        {
            response.DetailedDiff[change.Path] = new PropertyDiff { InputDiff = true, Kind = KindOf(change) };
            var top = TopLevel(change.Path);
            if (!response.Diffs.Contains(top)) response.Diffs.Add(top);
            if (change.Replaces && !response.Replaces.Contains(top)) response.Replaces.Add(top);
        }
        return response;
    }

    public async Task<CreateResponse> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        var created = await HandlerFor(request.Type).CreateAsync(PropertyValueCodec.Decode(request.Properties), request.Preview, state, ct);
        return new CreateResponse { Id = created.Id, Properties = PropertyValueCodec.Encode(created.Properties) };
    }

    public async Task<ReadResponse> ReadAsync(ReadRequest request, CancellationToken ct)
    {
        var read = await HandlerFor(request.Type).ReadAsync(request.Id, PropertyValueCodec.Decode(request.Properties), state, ct);
        // An empty id tells the engine the resource is gone.
        return read is not { } found ? new ReadResponse()
            : new ReadResponse { Id = found.Outputs.Id, Properties = PropertyValueCodec.Encode(found.Outputs.Properties), Inputs = PropertyValueCodec.Encode(found.Inputs) };
    }

    public async Task<UpdateResponse> UpdateAsync(UpdateRequest request, CancellationToken ct)
    {
        var outputs = await HandlerFor(request.Type).UpdateAsync(request.Id, PropertyValueCodec.Decode(request.Olds), PropertyValueCodec.Decode(request.News),
            request.Preview, state, ct);
        return new UpdateResponse { Properties = PropertyValueCodec.Encode(outputs) };
    }

    public async Task<Empty> DeleteAsync(DeleteRequest request, CancellationToken ct)
    {
        await HandlerFor(request.Type).DeleteAsync(request.Id, PropertyValueCodec.Decode(request.Properties), state, ct);
        return new Empty();
    }

    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken ct)
    {
        if (request.Tok != GetCollaborationsFunction.Token)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"the cleanroomsstack provider has no function '{request.Tok}'"));
        var (result, failures) = await GetCollaborations.InvokeAsync(PropertyValueCodec.Decode(request.Args), state, ct);
        var response = new InvokeResponse { Return = result is null ? null : PropertyValueCodec.Encode(result) };
        response.Failures.Add(failures.Select(f => new CheckFailure { Property = f.Property, Reason = f.Reason }));
        return response;
    }

    private static ResourceHandler HandlerFor(string type) =>
        Handlers.FirstOrDefault(h => h.Resource.Token == type) ?? throw new RpcException(new Status(
            ProviderResources.ByToken(type) is null ? StatusCode.InvalidArgument : StatusCode.Unimplemented,
            ProviderResources.ByToken(type) is null ? $"the cleanroomsstack provider has no type '{type}'" : $"{type} is not implemented yet"));

    private static PropertyDiff.Types.Kind KindOf(PropertyChange change) => (change.Kind, change.Replaces) switch
    {
        (PropertyChangeKind.Add, false) => PropertyDiff.Types.Kind.Add,
        (PropertyChangeKind.Add, true) => PropertyDiff.Types.Kind.AddReplace,
        (PropertyChangeKind.Delete, false) => PropertyDiff.Types.Kind.Delete,
        (PropertyChangeKind.Delete, true) => PropertyDiff.Types.Kind.DeleteReplace,
        (PropertyChangeKind.Update, false) => PropertyDiff.Types.Kind.Update,
        (PropertyChangeKind.Update, true) => PropertyDiff.Types.Kind.UpdateReplace,
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static string TopLevel(string path) => path.Split('.', '[')[0];
}
