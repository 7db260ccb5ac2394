namespace Segmentation.LoadGenerator.Tests;

/// <summary>One call of a <see cref="ScriptedSink"/>: when (since the start), how many events, the first sequence number.</summary>
internal sealed record SinkCall(TimeSpan At, int Events, long FirstSequence);
