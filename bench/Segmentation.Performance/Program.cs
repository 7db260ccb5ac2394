using Segmentation.Performance.Cli;

return await PerformanceCli.InvokeAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
