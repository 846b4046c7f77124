namespace CleanroomsStack.Emulator.Tests.Support;

/// <summary>Demo world accounts and a one-line start of a fresh emulator on an ephemeral port.</summary>
public static class TestEmulator
{
    public const string Us = "239083076653";
    public const string Amc = "921290734397";
    public const string Retail = "657425294073";
    public const string Measurement = "803109464991";
    public const string AmcCollaboration = "27b93e2b-5001-4b20-a47b-6aad96ec8958";
    public const string RoleArn = "arn:aws:iam::239083076653:role/cleanrooms-glue-s3-access";
    public const string IdNamespaceArn = "arn:aws:entityresolution:us-east-1:239083076653:idnamespace/ACXIdNamespace";

    /// <summary>
    /// Starts the emulator with <paramref name="behaviour"/>, the naive one by default: these tests pin each rule's own
    /// answer (a 404 naming the resource type, a resource readable right after its create), and AwsBehaviourTests pin
    /// how the AWS behaviours (403 for missing, lag, …) change those answers.
    /// </summary>
    public static Task<RunningEmulator> StartAsync(EmulatorOptions? options = null, AwsBehaviour? behaviour = null)
    {
        options ??= new EmulatorOptions();
        return EmulatorServer.StartAsync(options with { Faults = options.Faults with { Behaviour = behaviour ?? AwsBehaviour.Naive } });
    }
}
