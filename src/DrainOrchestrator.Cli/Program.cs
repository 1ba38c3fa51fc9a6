using DrainOrchestrator.Cli;
using DrainOrchestrator.Cli.Progress;

return await DrainctlApplication.RunAsync(args, Console.Out, Console.Error, ConsoleTerminal.ForStdout());
