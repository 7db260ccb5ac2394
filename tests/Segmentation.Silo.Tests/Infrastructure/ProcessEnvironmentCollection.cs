namespace Segmentation.Silo.Tests.Infrastructure;

/// <summary>Tests that change the process environment: they run alone, never beside another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
