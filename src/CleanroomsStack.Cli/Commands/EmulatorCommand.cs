using System.CommandLine;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Faults;
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
        var rateLimit = new Option<double?>("--rate-limit") { Description = "Requests per second per operation and account (AWS: about 5); throttled with ThrottlingException 429." };
        var latency = new Option<int>("--latency-ms") { Description = "Added latency per request, in milliseconds." };
        var errorRate = new Option<double>("--error-rate") { Description = "Share of requests answered with InternalServerException 500 (0 to 1)." };
        var lostRate = new Option<double>("--lost-response-rate") { Description = "Share of writes that happen but whose response is lost (0 to 1)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the fault injection, for repeatable runs." };
        var missingAs = new Option<string>("--missing-as") { Description = "How a missing or not-yet-visible resource answers: AccessDenied (403, as AWS) or NotFound (404).", DefaultValueFactory = _ => AwsBehaviour.AccessDenied };
        missingAs.AcceptOnlyFromAmong(AwsBehaviour.AccessDenied, AwsBehaviour.NotFound);
        var lag = new Option<int>("--lag-ms") { Description = "Read-after-write lag of Get, List, schema reads and child creates, in milliseconds.", DefaultValueFactory = _ => AwsBehaviour.Defaults.LagMs };
        var readiness = new Option<int>("--readiness-delay-ms") { Description = "How long after an analysis rule is created the schema status counts it (readiness), in milliseconds.", DefaultValueFactory = _ => AwsBehaviour.Defaults.ReadinessDelayMs };
        var leave = new Option<string>("--leave") { Description = "After leaving, the membership stays listed as REMOVED (listed) or is gone from Get and List (gone).", DefaultValueFactory = _ => AwsBehaviour.LeaveListed };
        leave.AcceptOnlyFromAmong(AwsBehaviour.LeaveListed, AwsBehaviour.LeaveGone);
        var noReason = new Option<bool>("--conflict-without-reason") { Description = "ConflictException on a repeated create carries no reason." };
        var repeat = new Option<bool>("--repeat-list-items") { Description = "Each list page after the first repeats the previous page's last item." };
        var command = new Command("emulator", "Run a local AWS Clean Rooms (+ STS, Entity Resolution) emulator for any AWS client.\n" +
            "Example:\n" +
            "  cleanrooms-stack emulator --port 4566 --state-dir .emulator")
        {
            port, host, stateDir, world, rateLimit, latency, errorRate, lostRate, seed, missingAs, lag, readiness, leave, noReason, repeat,
        };
        command.Validators.Add(r =>
        {
            foreach (var rate in new[] { r.GetValue(errorRate), r.GetValue(lostRate) })
                if (rate is < 0 or > 1) r.AddError("--error-rate and --lost-response-rate are shares between 0 and 1, e.g. 0.3.");
            if (r.GetValue(rateLimit) is <= 0) r.AddError("--rate-limit must be a positive number of requests per second.");
            if (r.GetValue(lag) < 0) r.AddError("--lag-ms must not be negative (0 turns the lag off).");
            if (r.GetValue(readiness) < 0) r.AddError("--readiness-delay-ms must not be negative (0: ready as soon as the rules are).");
        });
        command.SetAction(async (parsed, ct) =>
        {
            var options = new EmulatorOptions
            {
                Port = parsed.GetValue(port), Host = parsed.GetValue(host)!,
                StateDirectory = parsed.GetValue(stateDir), WorldFile = parsed.GetValue(world),
                Faults = new FaultSettings
                {
                    RateLimit = parsed.GetValue(rateLimit), LatencyMs = parsed.GetValue(latency), ErrorRate = parsed.GetValue(errorRate),
                    LostResponseRate = parsed.GetValue(lostRate), Seed = parsed.GetValue(seed),
                    Behaviour = new AwsBehaviour
                    {
                        MissingAs = parsed.GetValue(missingAs)!, LagMs = parsed.GetValue(lag), ReadinessDelayMs = parsed.GetValue(readiness), Leave = parsed.GetValue(leave)!,
                        ConflictWithoutReason = parsed.GetValue(noReason), RepeatListItems = parsed.GetValue(repeat),
                    },
                },
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
