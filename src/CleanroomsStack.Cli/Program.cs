using CleanroomsStack.Cli;

return await CliApp.RunAsync(args, CliIo.FromConsole());
