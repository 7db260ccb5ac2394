using Segmentation.LoadGenerator.Cli;

return await LoadGeneratorCli.InvokeAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
