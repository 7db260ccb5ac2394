using Segmentation.Domain.Profiles;
using Segmentation.Segments.Catalog;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Evaluation;

/// <summary>Operands: catalog attributes, traits, windows, event aggregates, segment membership.</summary>
internal sealed partial class RuleCompiler
{
    private static CompiledOperand Attribute(string name) => name switch
    {
        "email" => Text((ref EvaluationScope s) => s.Profile.Email),
        "first_name" => Text((ref EvaluationScope s) => s.Profile.FirstName),
        "last_name" => Text((ref EvaluationScope s) => s.Profile.LastName),
        "phone" => Text((ref EvaluationScope s) => s.Profile.Phone),
        "country" => Text((ref EvaluationScope s) => s.Profile.Country),
        "timezone" => Text((ref EvaluationScope s) => s.Profile.TimeZone),
        "user_id" => Text((ref EvaluationScope s) => s.Profile.UserId),
        "email_consent" => Choice((ref EvaluationScope s) => (int)s.Profile.EmailConsent.Status, TimeDependence.None),
        "can_email" => Boolean((ref EvaluationScope s) => s.Profile.CanReceiveMarketingEmail),
        "email_suppressed" => Boolean((ref EvaluationScope s) => s.Profile.Suppression.IsSuppressed),
        "rfm.r" => Number((ref EvaluationScope s) => s.Rfm?.Recency, TimeDependence.Rfm),
        "rfm.f" => Number((ref EvaluationScope s) => s.Rfm?.Frequency),
        "rfm.m" => Number((ref EvaluationScope s) => s.Rfm?.Monetary),
        "rfm.cell" => Choice((ref EvaluationScope s) => s.Rfm is { } scores ? (int)scores.Cell : -1, TimeDependence.Rfm),
        "lifecycle" => Choice((ref EvaluationScope s) => (int)s.Lifecycle, TimeDependence.Lifecycle),
        "orders_count" => Number((ref EvaluationScope s) => s.Profile.OrderCount),
        "total_revenue" => Number((ref EvaluationScope s) => s.Profile.TotalRevenue),
        "avg_order_value" => Number((ref EvaluationScope s) => s.AverageOrderValue),
        "first_order_at" => Timestamp((ref EvaluationScope s) => s.Profile.FirstOrderAt?.UtcTicks),
        "last_order_at" => Timestamp((ref EvaluationScope s) => s.Profile.LastOrderAt?.UtcTicks),
        "last_activity_at" => Timestamp((ref EvaluationScope s) => s.Profile.LastActivityAt?.UtcTicks),
        "first_seen_at" => Timestamp((ref EvaluationScope s) => s.Profile.FirstSeenAt?.UtcTicks),
        "cart.empty" => Boolean((ref EvaluationScope s) => s.Cart.IsEmpty),
        "cart.value" => Number((ref EvaluationScope s) => s.Cart.Value),
        "cart.items" => Number((ref EvaluationScope s) => s.Cart.ItemCount),
        "cart.updated_at" => Timestamp((ref EvaluationScope s) => s.Cart.LastModifiedAt?.UtcTicks),
        "cart.checkout_started_at" => Timestamp((ref EvaluationScope s) => s.Cart.CheckoutStartedAt?.UtcTicks),
        "email_opened" => Timestamp((ref EvaluationScope s) => s.Engagement.LastOpenedAt?.UtcTicks),
        "email_clicked" => Timestamp((ref EvaluationScope s) => s.Engagement.LastClickedAt?.UtcTicks),
        "email_opens_count" => Number((ref EvaluationScope s) => s.Engagement.Opens),
        "email_clicks_count" => Number((ref EvaluationScope s) => s.Engagement.Clicks),
        _ => throw new InvalidOperationException($"The attribute `{name}` has no accessor."),
    };

    private CompiledOperand Operand(RuleOperand operand)
    {
        Read(operand);
        switch (operand)
        {
            case AttributeOperand a:
                return Attribute(a.Name);
            case TraitOperand t:
                return Trait(t.Path);
            case WindowOperand w:
                var series = w.Function switch
                {
                    "orders_count" or "revenue" => WindowSeries.Orders,
                    "views" => WindowSeries.ProductViews,
                    "cart_adds" => WindowSeries.CartAdds,
                    _ => throw new InvalidOperationException($"The window function `{w.Function}` has no accessor."),
                };
                return WindowOperand(new SeriesWindowSource(series, w.Function == "revenue"), w.Window.Ticks);
            case EventCountOperand { Window: null } c:
                var name = c.EventName;
                return Number((ref EvaluationScope s) => s.Profile.GetEventCount(name));
            case EventCountOperand c:
                return WindowOperand(new EventWindowSource(TrackedEvent.ShareName(c.EventName), CompileFilter(c.Filter), null), c.Window.Ticks);
            case EventSumOperand s:
                return WindowOperand(
                    new EventWindowSource(TrackedEvent.ShareName(s.EventName), CompileFilter(s.Filter), TrackedEvent.ShareName(s.Property)), s.Window.Ticks);
            case SegmentOperand m:
                var id = m.SegmentId;
                _references.Add(id);
                return new CompiledOperand(
                    RuleValueType.Boolean,
                    (ScopeValue<bool>)((ref EvaluationScope s) => s.Memberships.GetMembership(id).IsMemberAt(s.AsOfTicks)),
                    TimeDependence.Segment) { SegmentId = id };
            default:
                throw new InvalidOperationException($"The operand {operand.GetType().Name} cannot be compiled here.");
        }
    }

    /// <summary>Notes the profile parts the operand reads (the rule's <see cref="CompiledSegmentRule.Inputs"/>).</summary>
    private void Read(RuleOperand operand)
    {
        var definition = operand switch
        {
            AttributeOperand a => AttributeCatalog.FindAttribute(a.Name),
            TraitOperand => AttributeCatalog.All.First(static d => d.Kind == AttributeKind.Trait),
            WindowOperand w => AttributeCatalog.FindFunction(w.Function),
            EventCountOperand => AttributeCatalog.FindFunction(AttributeCatalog.Count),
            EventSumOperand => AttributeCatalog.FindFunction(AttributeCatalog.Sum),
            _ => null,
        };
        _inputs |= definition?.Inputs ?? ProfileParts.None;
        if (operand is EventCountOperand { EventName: var counted })
        {
            _eventNames.Add(counted);
        }
        else if (operand is EventSumOperand { EventName: var summed })
        {
            _eventNames.Add(summed);
        }
    }

    private static CompiledOperand Trait(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return new CompiledOperand(RuleValueType.Dynamic, (ScopeValue<ScalarValue?>)((ref EvaluationScope s) => s.Profile.GetTraitScalar(path)), TimeDependence.None);
        }

        var top = path[..dot];
        var rest = path[(dot + 1)..].Split('.');
        return new CompiledOperand(RuleValueType.Dynamic, (ScopeValue<ScalarValue?>)((ref EvaluationScope s) => NestedTrait(s.Profile, top, rest)), TimeDependence.None);
    }

    private static ScalarValue? NestedTrait(CustomerProfile profile, string top, string[] rest)
    {
        if (!profile.TryGetTrait(top, out var element))
        {
            return null;
        }

        foreach (var segment in rest)
        {
            if (element.ValueKind != System.Text.Json.JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => ScalarValue.FromString(element.GetString()!),
            System.Text.Json.JsonValueKind.Number => ScalarValue.FromNumberText(element.GetRawText()),
            System.Text.Json.JsonValueKind.True => ScalarValue.FromBoolean(true),
            System.Text.Json.JsonValueKind.False => ScalarValue.FromBoolean(false),
            _ => null,
        };
    }

    private static CompiledOperand WindowOperand(WindowSource source, long span) =>
        new(RuleValueType.Number, (ScopeValue<decimal?>)((ref EvaluationScope s) => source.ValueBetween(ref s, s.AsOfTicks - span, s.AsOfTicks)), TimeDependence.Window)
        {
            Window = source,
            Span = span,
        };

    private static CompiledOperand Text(ScopeValue<string?> getter) => new(RuleValueType.Text, getter, TimeDependence.None);

    private static CompiledOperand Boolean(ScopeValue<bool> getter) => new(RuleValueType.Boolean, getter, TimeDependence.None);

    private static CompiledOperand Number(ScopeValue<decimal?> getter, TimeDependence time = TimeDependence.None) => new(RuleValueType.Number, getter, time);

    private static CompiledOperand Timestamp(ScopeValue<long?> getter) => new(RuleValueType.Timestamp, getter, TimeDependence.None);

    private static CompiledOperand Choice(ScopeValue<int> getter, TimeDependence time) => new(RuleValueType.Enumeration, getter, time);
}
