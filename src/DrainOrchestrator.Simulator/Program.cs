using DrainOrchestrator.Simulator.Hosting;

return await SimulatorCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
