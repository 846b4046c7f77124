using CleanroomsStack.Pulumi.Hosting;

// Pulumi's engine starts a provider plugin with the engine's gRPC address as its only argument and reads the port the
// plugin prints as the first line of stdout: so stdout carries that one line and everything else goes to stderr.
return await PluginHost.RunAsync(args);
