using System.Globalization;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Domain.Triggers.Policies;

/// <summary>
/// Birthday: on the day of the <c>birthday</c> trait at <see cref="BirthdaySettings.LocalTime"/> in the customer's time
/// zone; the occurrence is the year. Feb 29 falls on Feb 28 in other years. A birthday learnt later on the day is still
/// sent that day; once the local day is over, the next year's is due.
/// </summary>
public static class BirthdayTrigger
{
    public static TriggerDue? NextDue(TriggerContext context, BirthdaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (context.Profile.Birthday is not { } birthday)
        {
            return null;
        }

        // The local date now: a birthday before it is over.
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(context.AsOf, context.Zone));
        for (var candidate = today.Year; candidate <= today.Year + 1; candidate++)
        {
            var key = candidate.ToString(CultureInfo.InvariantCulture);
            var day = DayIn(birthday, candidate);
            if (day < today || context.Ledger.IsDecided(TriggerNames.Birthday, key))
            {
                continue;
            }

            return new TriggerDue(
                TriggerNames.Birthday,
                TimeZones.ToInstant(day, settings.LocalTime, context.Zone),
                key,
                key,
                string.Empty,
                settings.TemplateId,
                IncludeCart: false,
                ProductKey: null,
                TriggerProperties.One("year", key));
        }

        return null;
    }

    /// <summary>Whether the customer still has a birthday on record.</summary>
    public static bool Holds(TriggerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Profile.Birthday is not null;
    }

    /// <summary>The birthday's date in <paramref name="year"/>: Feb 29 is Feb 28 in a year that is not a leap year.</summary>
    public static DateOnly DayIn(DateOnly birthday, int year) =>
        birthday is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 2, 28) : new DateOnly(year, birthday.Month, birthday.Day);
}
