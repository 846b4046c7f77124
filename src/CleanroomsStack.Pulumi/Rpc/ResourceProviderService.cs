using CleanroomsStack.Pulumi.Hosting;
using CleanroomsStack.Pulumi.Protocol;
using CleanroomsStack.Pulumi.Schema;
using CleanroomsStack.Pulumi.Values;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CleanroomsStack.Pulumi.Rpc;

/// <summary>
/// pulumirpc.ResourceProvider: the provider's own configuration here; resources and functions in
/// <see cref="ResourceOperations"/>. Methods not overridden answer UNIMPLEMENTED (Cancel is advisory and answers at once).
/// </summary>
public sealed class ResourceProviderService(ProviderState state, ResourceOperations resources) : ResourceProvider.ResourceProviderBase
{
    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = PackageSchema.Version });

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        request.SubpackageName is { Length: > 0 } name
            ? throw new RpcException(new Status(StatusCode.InvalidArgument, $"the cleanroomsstack provider has no sub-package '{name}'"))
            : Task.FromResult(new GetSchemaResponse { Schema = PackageSchema.Json });

    public override Task<CheckResponse> CheckConfig(CheckRequest request, ServerCallContext context)
    {
        var news = PropertyValueCodec.Decode(request.News);
        var (_, failures) = ProviderConfig.Read(KnownOnly(news));
        var response = new CheckResponse { Inputs = request.News ?? new Struct() };
        response.Failures.Add(failures.Select(f => new CheckFailure { Property = f.Key, Reason = f.Reason }));
        return Task.FromResult(response);
    }

    /// <summary>A new region or endpoint means other resources entirely, so Pulumi must replace what this provider manages.</summary>
    public override Task<DiffResponse> DiffConfig(DiffRequest request, ServerCallContext context)
    {
        var olds = PropertyValueCodec.Decode(request.OldInputs ?? request.Olds);
        var news = PropertyValueCodec.Decode(request.News);
        var response = new DiffResponse { HasDetailedDiff = true };
        foreach (var key in ProviderConfig.Keys.Where(k => !Equals(olds[k] ?? PropertyValue.Null, news[k] ?? PropertyValue.Null)))
        {
            var replaces = key is "region" or "endpointUrl";
            response.Diffs.Add(key);
            if (replaces) response.Replaces.Add(key);
            response.DetailedDiff[key] = new PropertyDiff
            {
                InputDiff = true,
                Kind = replaces ? PropertyDiff.Types.Kind.UpdateReplace : PropertyDiff.Types.Kind.Update,
            };
        }
        response.Changes = response.Diffs.Count == 0 ? DiffResponse.Types.DiffChanges.DiffNone : DiffResponse.Types.DiffChanges.DiffSome;
        return Task.FromResult(response);
    }

    public override Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context)
    {
        var inputs = request.Args is { } args ? PropertyValueCodec.Decode(args) : FromVariables(request.Variables);
        var (config, failures) = ProviderConfig.Read(inputs);
        if (config is null)
            throw new RpcException(new Status(StatusCode.InvalidArgument, string.Join("; ", failures.Select(f => f.Reason))));
        state.Configure(config);
        return Task.FromResult(new ConfigureResponse { AcceptSecrets = true, SupportsPreview = true, AcceptResources = true, AcceptOutputs = false });
    }

    public override Task<Empty> Cancel(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override Task<CheckResponse> Check(CheckRequest request, ServerCallContext context) => resources.CheckAsync(request);

    public override Task<DiffResponse> Diff(DiffRequest request, ServerCallContext context) => resources.DiffAsync(request, context.CancellationToken);

    public override Task<CreateResponse> Create(CreateRequest request, ServerCallContext context) => resources.CreateAsync(request, context.CancellationToken);

    public override Task<ReadResponse> Read(ReadRequest request, ServerCallContext context) => resources.ReadAsync(request, context.CancellationToken);

    public override Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context) => resources.UpdateAsync(request, context.CancellationToken);

    public override Task<Empty> Delete(DeleteRequest request, ServerCallContext context) => resources.DeleteAsync(request, context.CancellationToken);

    public override Task<InvokeResponse> Invoke(InvokeRequest request, ServerCallContext context) => resources.InvokeAsync(request, context.CancellationToken);

    // Old engines send config as "package:config:key" variables, with strings only.
    private static ObjectValue FromVariables(IDictionary<string, string> variables) =>
        new(variables.ToDictionary(v => v.Key[(v.Key.LastIndexOf(':') + 1)..], v => (PropertyValue)new Values.StringValue(v.Value)));

    // An unknown setting (from another resource's output) can only be checked once known.
    private static ObjectValue KnownOnly(ObjectValue values) =>
        new(values.Properties.Where(p => p.Value.IsKnown).ToDictionary(p => p.Key, p => p.Value));
}
