using System.Runtime.CompilerServices;

namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>
/// Points the whole test process at a private, initially empty ~/.aws before any test runs. AWSSDK.Core reads
/// HOME, AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE once per process (in a static constructor), so they must be
/// right from the start; the developer's real profiles must never leak into, or be touched by, a test.
/// </summary>
internal static class IsolatedAwsHome
{
    public static string Home { get; } = Directory.CreateTempSubdirectory("cleanrooms-aws-test-home-").FullName;
    public static string AwsDirectory => Path.Combine(Home, ".aws");
    public static string CredentialsFile => Path.Combine(AwsDirectory, "credentials");
    public static string ConfigFile => Path.Combine(AwsDirectory, "config");

#pragma warning disable CA2255 // A module initializer is the only hook that runs before xunit touches the SDK.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        Reset();
        Environment.SetEnvironmentVariable("HOME", Home);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    /// <summary>Empties ~/.aws (keeping the two files, which must exist for the SDK to honour the variables).</summary>
    public static void Reset()
    {
        if (Directory.Exists(AwsDirectory)) Directory.Delete(AwsDirectory, recursive: true);
        Directory.CreateDirectory(AwsDirectory);
        File.WriteAllText(CredentialsFile, "");
        File.WriteAllText(ConfigFile, "");
    }
}
