using DrainOrchestrator.Application.Runtime;
using DrainOrchestrator.Cli;
using DrainOrchestrator.Cli.Progress;

GcLatency.Apply();
return await DrainctlApplication.RunAsync(args, Console.Out, Console.Error, ConsoleTerminal.ForStdout());
