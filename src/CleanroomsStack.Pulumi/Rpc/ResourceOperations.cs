using CleanroomsStack.Pulumi.Hosting;
using CleanroomsStack.Pulumi.Protocol;
using CleanroomsStack.Pulumi.Schema;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CleanroomsStack.Pulumi.Rpc;

/// <summary>The resource lifecycle and functions, dispatched by type token to each resource's handler.</summary>
public sealed class ResourceOperations(ProviderState state)
{
    public ProviderState State { get; } = state;

    public Task<CheckResponse> CheckAsync(CheckRequest request) => throw NotYet(request.Type, "Check");

    public Task<DiffResponse> DiffAsync(DiffRequest request) => throw NotYet(request.Type, "Diff");

    public Task<CreateResponse> CreateAsync(CreateRequest request, CancellationToken ct) => throw NotYet(request.Type, "Create");

    public Task<ReadResponse> ReadAsync(ReadRequest request, CancellationToken ct) => throw NotYet(request.Type, "Read");

    public Task<UpdateResponse> UpdateAsync(UpdateRequest request, CancellationToken ct) => throw NotYet(request.Type, "Update");

    public Task<Empty> DeleteAsync(DeleteRequest request, CancellationToken ct) => throw NotYet(request.Type, "Delete");

    public Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken ct) => throw NotYet(request.Tok, "Invoke");

    private static RpcException NotYet(string type, string operation) => new(new Status(
        ProviderResources.ByToken(type) is null && type != GetCollaborationsFunction.Token ? StatusCode.InvalidArgument : StatusCode.Unimplemented,
        ProviderResources.ByToken(type) is null && type != GetCollaborationsFunction.Token
            ? $"the cleanroomsstack provider has no type '{type}'"
            : $"{operation} of {type} is not implemented yet"));
}
