using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CleanroomsStack.Core.Export;

/// <summary>
/// Writes a <see cref="PulumiProgram"/> as Pulumi YAML: <c>Pulumi.yaml</c> (runtime: yaml, the resources) and
/// <c>Pulumi.&lt;stack&gt;.yaml</c> (the provider's region). Text that YAML would read as a number, boolean or null is
/// quoted, so account ids stay strings.
/// </summary>
public static class PulumiYamlWriter
{
    public static string ProjectFileName => "Pulumi.yaml";

    public static string StackFileName(string stack) => $"Pulumi.{stack}.yaml";

    public static string ProjectFile(PulumiProgram program) => Emit(e =>
    {
        Scalar(e, "name"); Scalar(e, program.Project);
        Scalar(e, "description"); Scalar(e, "AWS Clean Rooms memberships exported by cleanrooms-stack from collaborations.yaml");
        Scalar(e, "runtime"); Scalar(e, "yaml");
        Scalar(e, "resources");
        e.Emit(new MappingStart());
        foreach (var resource in program.Resources) Resource(e, resource);
        e.Emit(new MappingEnd());
    });

    public static string StackFile(PulumiProgram program) => Emit(e =>
    {
        Scalar(e, "config");
        e.Emit(new MappingStart());
        Scalar(e, "aws-native:region"); Scalar(e, program.Region);
        e.Emit(new MappingEnd());
    });

    private static void Resource(IEmitter e, PulumiResource resource)
    {
        Scalar(e, resource.Name);
        e.Emit(new MappingStart());
        Scalar(e, "type"); Scalar(e, resource.Type);
        Scalar(e, "properties"); Value(e, resource.Properties);
        if (resource.Protect || resource.ImportId is not null)
        {
            Scalar(e, "options");
            e.Emit(new MappingStart());
            if (resource.Protect) { Scalar(e, "protect"); Value(e, new PulumiBool(true)); }
            if (resource.ImportId is { } id) { Scalar(e, "import"); Scalar(e, id); }
            e.Emit(new MappingEnd());
        }
        e.Emit(new MappingEnd());
    }

    private static void Value(IEmitter e, PulumiValue value)
    {
        switch (value)
        {
            case PulumiText text: Scalar(e, text.Value); break;
            case PulumiBool flag: e.Emit(new Scalar(null, null, flag.Value ? "true" : "false", ScalarStyle.Plain, true, false)); break;
            case PulumiList list:
                e.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                foreach (var item in list.Items) Value(e, item);
                e.Emit(new SequenceEnd());
                break;
            case PulumiMap map:
                e.Emit(new MappingStart());
                foreach (var (key, item) in map.Entries) { Scalar(e, key); Value(e, item); }
                e.Emit(new MappingEnd());
                break;
            default: throw new InvalidOperationException($"unknown value {value.GetType().Name}");
        }
    }

    private static void Scalar(IEmitter e, string text)
    {
        var style = LooksLikeAnotherType(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        e.Emit(new Scalar(null, null, text, style, style == ScalarStyle.Any, style != ScalarStyle.Any));
    }

    private static bool LooksLikeAnotherType(string text) =>
        text.Length == 0
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || text.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~";

    private static string Emit(Action<IEmitter> body)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings().WithBestWidth(int.MaxValue));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart());
        body(emitter);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().ReplaceLineEndings("\n");
    }
}
