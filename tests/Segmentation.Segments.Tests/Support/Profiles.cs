using Segmentation.Domain.Profiles;
using Segmentation.Segments.Evaluation;
using Segmentation.Tracking;

namespace Segmentation.Segments.Tests.Support;

/// <summary>Profiles from messages, and rule evaluation shortcuts.</summary>
internal static class Profiles
{
    public static CustomerProfile Build(params TrackingMessage[] messages)
    {
        var profile = new CustomerProfile();
        foreach (var message in messages)
        {
            profile.Apply(message);
        }

        return profile;
    }

    public static bool Evaluate(string rule, CustomerProfile profile, DateTimeOffset asOf) =>
        SegmentRuleCompiler.Compile(rule).Evaluate(profile, new SegmentEvaluationContext(asOf));

    public static DateTimeOffset? NextChange(string rule, CustomerProfile profile, DateTimeOffset asOf) =>
        SegmentRuleCompiler.Compile(rule).NextChange(profile, new SegmentEvaluationContext(asOf));
}
