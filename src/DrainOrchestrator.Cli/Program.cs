using DrainOrchestrator.Cli;

return await DrainctlApplication.RunAsync(args, Console.Out, Console.Error);
