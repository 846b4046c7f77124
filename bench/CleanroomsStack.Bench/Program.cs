using CleanroomsStack.Bench;
using CleanroomsStack.Bench.Peer;
using CleanroomsStack.Bench.Scenarios;

// Child modes: the bench re-runs itself in a fresh process for the parts whose memory is measured alone.
switch (args)
{
    case [PlanScenario.ChildVerb, var m, var sampleConfig]:
        return PlanScenario.RunChild(int.Parse(m, System.Globalization.CultureInfo.InvariantCulture), sampleConfig);
    case [PeerScenario.ChildVerb, var endpoint, var rate]:
        return await PeerScenario.RunChildAsync(endpoint, rate);
}

if (args is ["--help" or "-h"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

try
{
    return await BenchRun.RunAsync(BenchOptions.Parse(args), Console.WriteLine);
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 1;
}
