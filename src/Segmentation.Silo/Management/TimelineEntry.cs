using Segmentation.Runtime;
using Segmentation.Tracking;

namespace Segmentation.Silo.Management;

/// <summary>One tracking call of a timeline, with the log record it was read from.</summary>
internal sealed record TimelineEntry(LogRecord Record, TrackingMessage Message);
