namespace CleanroomsStack.Aws.Configuration;

/// <summary>
/// The AWS settings can't be used as given (bad endpoint URL, unknown profile, no region, no credentials).
/// The message names what is wrong and how to fix it; the CLI prints it as an error, never as a stack trace.
/// </summary>
public class AwsConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No usable credentials, or the ones found can't be refreshed (e.g. an expired SSO session).</summary>
public sealed class AwsCredentialsException(string message, Exception? inner = null) : AwsConfigurationException(message, inner);
