using CleanroomsStack.Pulumi.Hosting;
using CleanroomsStack.Pulumi.Schema;
using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>One property's change, at its Pulumi property path (<c>analysisRule.allowedResultReceivers[0]</c>).</summary>
public sealed record PropertyChange(string Path, PropertyChangeKind Kind, bool Replaces);

public enum PropertyChangeKind { Add, Delete, Update }

/// <summary>A resource's outputs and id, as Create and Read return them.</summary>
public sealed record ResourceOutputs(string Id, ObjectValue Properties);

/// <summary>
/// One provider resource's lifecycle over its kind: check through the config's description, diff through the kind's
/// differ, writes through the kind's engine. Handlers are stateless; the AWS connection comes with each call.
/// </summary>
public abstract class ResourceHandler
{
    public abstract ProviderResource Resource { get; }

    public virtual IReadOnlyList<InputFailure> Check(ObjectValue news) => InputValidator.Check(news, Resource.Inputs);

    /// <param name="olds">The outputs of the last Create, Update or Read.</param>
    public abstract Task<IReadOnlyList<PropertyChange>> DiffAsync(string id, ObjectValue olds, ObjectValue news, ProviderState state, CancellationToken ct);

    /// <summary>With <paramref name="preview"/>, nothing is written: computed outputs are unknown.</summary>
    public abstract Task<ResourceOutputs> CreateAsync(ObjectValue inputs, bool preview, ProviderState state, CancellationToken ct);

    /// <summary>The live resource (null when it is gone), its outputs and the inputs that would produce it.</summary>
    public abstract Task<(ResourceOutputs Outputs, ObjectValue Inputs)?> ReadAsync(string id, ObjectValue olds, ProviderState state, CancellationToken ct);

    public abstract Task<ObjectValue> UpdateAsync(string id, ObjectValue olds, ObjectValue news, bool preview, ProviderState state, CancellationToken ct);

    public abstract Task DeleteAsync(string id, ObjectValue olds, ProviderState state, CancellationToken ct);

    /// <summary>The outputs a preview can promise: the inputs, and every computed output unknown.</summary>
    protected ObjectValue PreviewOutputs(ObjectValue inputs) =>
        inputs.With(Resource.ComputedOutputs.Select(p => KeyValuePair.Create(p.Key, (PropertyValue?)UnknownValue.Instance)));
}
