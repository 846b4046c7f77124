using System.Collections;

namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>Tests that change process-wide environment variables run one at a time in this collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary>
/// A clean AWS environment for one test: every AWS_* variable cleared, HOME pointed at a temporary directory (so
/// ~/.aws and the SSO token cache are the test's own), instance metadata disabled; all restored on dispose.
/// The directory is the same for every test of the process, emptied in between: AWSSDK.Core remembers the shared
/// file locations process-wide, just as one CLI run would.
/// </summary>
public sealed class TemporaryAwsEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new();

    public TemporaryAwsEnvironment()
    {
        if (Directory.Exists(Path.Combine(Home, ".aws"))) Directory.Delete(Path.Combine(Home, ".aws"), recursive: true);
        Directory.CreateDirectory(Path.Combine(Home, ".aws"));
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            Set(name, null);
        }
        Set("HOME", Home);
        Set("AWS_EC2_METADATA_DISABLED", "true");
        Set("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Set("AWS_CONFIG_FILE", ConfigFile);
    }

    private static readonly Lazy<string> SharedHome = new(() => Directory.CreateTempSubdirectory("cleanrooms-aws-test-").FullName);

    public string Home => SharedHome.Value;
    public string CredentialsFile => Path.Combine(Home, ".aws", "credentials");
    public string ConfigFile => Path.Combine(Home, ".aws", "config");

    public void Set(string name, string? value)
    {
        if (!_saved.ContainsKey(name)) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void WriteCredentials(string content) => File.WriteAllText(CredentialsFile, content);

    public void WriteConfig(string content) => File.WriteAllText(ConfigFile, content);

    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Home, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }
}
