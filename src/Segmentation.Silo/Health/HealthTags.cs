namespace Segmentation.Silo.Health;

/// <summary>Tags that pick which health checks an endpoint runs.</summary>
public static class HealthTags
{
    /// <summary>
    /// Checks that must pass before the silo takes traffic (<c>/health/ready</c>). A feature that needs its own
    /// readiness adds a check with this tag: <c>services.AddHealthChecks().AddCheck&lt;T&gt;("name", tags: [HealthTags.Ready])</c>.
    /// </summary>
    public const string Ready = "ready";
}
