namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>Tests that change process-wide environment variables run one at a time in this collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary>
/// A clean AWS environment for one test: the process's private ~/.aws emptied, every other AWS_* variable cleared,
/// instance metadata disabled; variables restored on dispose.
/// </summary>
public sealed class TemporaryAwsEnvironment : IDisposable
{
    private static readonly HashSet<string> Kept = ["AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_EC2_METADATA_DISABLED"];
    private readonly Dictionary<string, string?> _saved = new();

    public TemporaryAwsEnvironment()
    {
        IsolatedAwsHome.Reset();
        var names = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(n => n.StartsWith("AWS_", StringComparison.Ordinal) && !Kept.Contains(n)).ToList();
        foreach (var name in names) Set(name, null);
    }

    public string Home => IsolatedAwsHome.Home;

    public void Set(string name, string? value)
    {
        if (!_saved.ContainsKey(name)) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void WriteCredentials(string content) => File.WriteAllText(IsolatedAwsHome.CredentialsFile, content);

    public void WriteConfig(string content) => File.WriteAllText(IsolatedAwsHome.ConfigFile, content);

    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Home, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a script the SDK can run (credential_process).</summary>
    public string WriteExecutable(string relativePath, string content)
    {
        var path = WriteFile(relativePath, content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        IsolatedAwsHome.Reset();
    }
}
