using System.CommandLine;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>emulator</c>: run the local AWS Clean Rooms emulator standalone until Ctrl-C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliIo io)
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on.", DefaultValueFactory = _ => 4566 };
        var host = new Option<string>("--host") { Description = "Interface to listen on (loopback unless you say otherwise).", DefaultValueFactory = _ => "127.0.0.1" };
        var stateDir = new Option<string?>("--state-dir") { Description = "Persist the emulator's state in this folder." };
        var world = new Option<string?>("--world") { Description = "A JSON world file; the demo world when omitted." };
        var command = new Command("emulator", "Run a local AWS Clean Rooms (+ STS, Entity Resolution) emulator for any AWS client.\n" +
            "Example:\n" +
            "  cleanrooms-stack emulator --port 4566 --state-dir .emulator")
        {
            port, host, stateDir, world,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var options = new EmulatorOptions
            {
                Port = parsed.GetValue(port), Host = parsed.GetValue(host)!,
                StateDirectory = parsed.GetValue(stateDir), WorldFile = parsed.GetValue(world),
            };
            await using var running = await EmulatorServer.StartAsync(options, ct);
            WriteBanner(io.Out, running, options);
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { io.Out.WriteLine("Emulator stopped."); }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteBanner(TextWriter output, RunningEmulator running, EmulatorOptions options)
    {
        output.WriteLine($"AWS Clean Rooms emulator listening on {running.Endpoint} (region {options.Region}).");
        if (options.WorldFile is not null)
        {
            output.WriteLine($"World: {options.WorldFile}; use the access keys it defines.");
            return;
        }
        output.WriteLine("Demo world accounts (these keys only work against this emulator):");
        foreach (var account in new[] { DemoWorld.OurAccount, DemoWorld.AmcAccount, DemoWorld.RetailAccount, DemoWorld.MeasurementAccount })
            output.WriteLine($"  {account}  AWS_ACCESS_KEY_ID={DemoWorld.AccessKeyId(account)}  AWS_SECRET_ACCESS_KEY={DemoWorld.SecretAccessKey(account)}");
        output.WriteLine($"Try: aws cleanrooms list-collaborations --endpoint-url {running.Endpoint} --region {options.Region}");
        output.WriteLine("Press Ctrl-C to stop.");
    }
}
