using System.Net;
using System.Text;
using System.Text.Json;
using CleanroomsStack.Cli.Commands;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Strings from AWS reach the terminal escaped: a hostile account (or endpoint) names things with ESC, an OSC 52
/// clipboard write, BEL and CR, and no command prints them raw, while JSON output stays valid and exact.
/// </summary>
public sealed class HostileEndpointTests : IDisposable
{
    /// <summary>Sets the clipboard, rings the bell, clears the screen and returns to column 0 (to overwrite the line).</summary>
    private const string Hostile = "\u001b]52;c;aGFja2Vk\u0007\u001b[2J\r";
    private const string Visible = @"\x1b]52;c;aGFja2Vk\x07\x1b[2J\x0d";

    private readonly CliHarness cli = new();

    [Theory]
    [InlineData("invitations")]
    [InlineData("preview")]
    [InlineData("preview", "--markdown")]
    [InlineData("preview", "--diff", "--debug")]
    [InlineData("drift")]
    public async Task NamesWithControlCharactersArePrintedEscaped(params string[] command)
    {
        await MakeTheWorldHostileAsync();

        var result = await cli.RunLocalAsync(command);

        Assert.True(result.ExitCode is 0 or 2, result.ToString());
        AssertNoRawControls(result.Out + result.Error);
        Assert.Contains("AMC" + Visible, result.Out + result.Error);
    }

    [Fact]
    public async Task JsonOutputStaysValidAndCarriesTheNameExactly()
    {
        await MakeTheWorldHostileAsync();

        var result = await cli.RunLocalAsync("preview", "--json");

        using var plan = JsonDocument.Parse(result.Out);
        var label = plan.RootElement.GetProperty("collaborations")[0].GetProperty("label").GetString();
        Assert.Contains("AMC" + Hostile, label);
    }

    [Fact]
    public async Task AnAwsErrorMessageWithControlCharactersIsPrintedEscapedAlsoInTheDebugLog()
    {
        using var endpoint = new HostileEndpoint();
        using var run = CliProcess.Start(cli.Folder, new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        }, "preview", "--endpoint-url", endpoint.Url, "--region", "us-east-1", "--debug");

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(30)), run.Error);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"ValidationException: rejected {Visible}", run.Error);
        AssertNoRawControls(run.Output + run.Error);
    }

    [Fact]
    public void NoColorInTheEnvironmentTurnsColourOffLikeTheOption()
    {
        foreach (var (value, expected) in new[] { ("1", true), ("", false), (null, false) })
        {
            var options = new CommonOptions(name => name == "NO_COLOR" ? value : null);
            var command = new System.CommandLine.Command("preview");
            options.AddTo(command);

            Assert.Equal(expected, options.Read(command.Parse([])).NoColor);
        }
    }

    /// <summary>The partner AMC renames its collaboration and itself (the state file is what its account holds).</summary>
    private async Task MakeTheWorldHostileAsync()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("invitations")).ExitCode); // the emulator saves its state on stop
        var path = cli.StateFile;
        var hostile = JsonSerializer.Serialize(Hostile)[1..^1];
        var state = File.ReadAllText(path)
            .Replace("\"name\": \"AMC Collaboration\"", $"\"name\": \"AMC Collaboration{hostile}\"", StringComparison.Ordinal)
            .Replace("\"creatorDisplayName\": \"AMC\"", $"\"creatorDisplayName\": \"AMC{hostile}\"", StringComparison.Ordinal)
            .Replace("\"displayName\": \"AMC\"", $"\"displayName\": \"AMC{hostile}\"", StringComparison.Ordinal);
        Assert.Contains("AMC Collaboration\\u001B", state, StringComparison.OrdinalIgnoreCase);
        File.WriteAllText(path, state);
        // The config still calls it "AMC Collaboration": naming the creator is what lets a renamed invitation be accepted (CS216).
        File.AppendAllText(cli.ConfigPath, "\n    creatorAccountId: \"921290734397\"\n");
    }

    private static void AssertNoRawControls(string output)
    {
        foreach (var c in new[] { '\u001b', '\u0007', '\r' })
            Assert.False(output.Contains(c), $"raw U+{(int)c:X4} in:\n{output}");
    }

    /// <summary>An endpoint that knows the caller (STS) and rejects everything else with a message full of control characters.</summary>
    private sealed class HostileEndpoint : IDisposable
    {
        private readonly HttpListener listener = new();

        public HostileEndpoint()
        {
            var port = CliProcess.FreePort();
            Url = $"http://127.0.0.1:{port}";
            listener.Prefixes.Add(Url + "/");
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                var sts = context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true;
                var (status, type, body) = sts
                    ? (200, "text/xml", "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
                                        "<Arn>arn:aws:iam::239083076653:user/dev</Arn><UserId>AIDAEXAMPLE</UserId><Account>239083076653</Account>" +
                                        "</GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>")
                    : (400, "application/json", JsonSerializer.Serialize(new Dictionary<string, string>
                    {
                        ["__type"] = "ValidationException", ["message"] = "rejected " + Hostile,
                    }));
                context.Response.StatusCode = status;
                context.Response.ContentType = type;
                var bytes = Encoding.UTF8.GetBytes(body);
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }

    public void Dispose() => cli.Dispose();
}
