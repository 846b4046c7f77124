using CleanroomsStack.Cli;

using var signals = new ProcessSignals();
return await CliApp.RunAsync(args, CliIo.FromConsole(), signals.Token);
