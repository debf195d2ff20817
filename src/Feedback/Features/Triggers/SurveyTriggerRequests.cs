using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.Feedback.Domain.Triggers;

namespace CustomerPlatform.Feedback.Features.Triggers;

/// <summary>A survey's triggers, replacing those it had (an empty list stops it inviting by itself).</summary>
/// <param name="Triggers">At most one trigger per event.</param>
public sealed record SurveyTriggersRequest(
    [property: Required, MaxLength(SurveyTriggersRequest.MaxTriggers)] IReadOnlyList<SurveyTriggerRequest?> Triggers)
{
    public const int MaxTriggers = 3;
}

/// <summary>When the survey invites a customer by itself.</summary>
/// <param name="On">purchase, serviceVisit or complaintResolved (the follow-up survey).</param>
/// <param name="Delay">Minutes after the event, 0 to 43200 (30 days); 0 when omitted.</param>
/// <param name="SamplingRate">Share of events that invite, 0 to 1; 1 when omitted.</param>
/// <param name="QuietPeriodDays">No invitation if the customer was invited to any survey in these last days, 0 to 365; 30 when omitted.</param>
/// <param name="Channels">email and/or sms, in order of preference: the first the customer consented to is used.</param>
/// <param name="Branches">Branch codes it acts for, within the survey's; none or omitted means the survey's own.</param>
/// <param name="Enabled">Whether it acts; true when omitted.</param>
public sealed record SurveyTriggerRequest(
    [property: Required] TriggerEvent? On,
    [property: Range(0, SurveyTrigger.MaxDelayMinutes)] int? Delay,
    [property: Range(0.0, 1.0)] double? SamplingRate,
    [property: Range(0, SurveyTrigger.MaxQuietPeriodDays)] int? QuietPeriodDays,
    [property: Required, MinLength(1), MaxLength(2)] IReadOnlyList<InvitationChannel>? Channels,
    [property: MaxLength(SurveyContent.MaxBranches)] IReadOnlyList<string?>? Branches,
    bool? Enabled);

/// <summary>One trigger as stored.</summary>
/// <param name="On">purchase, serviceVisit or complaintResolved.</param>
/// <param name="Delay">Minutes after the event.</param>
/// <param name="SamplingRate">Share of events that invite.</param>
/// <param name="QuietPeriodDays">Days a customer is left alone after any invitation.</param>
/// <param name="Channels">Channels in order of preference.</param>
/// <param name="Branches">Branches it acts for; empty means the survey's own.</param>
/// <param name="Enabled">Whether it acts.</param>
public sealed record SurveyTriggerResponse(
    TriggerEvent On, int Delay, double SamplingRate, int QuietPeriodDays, IReadOnlyList<InvitationChannel> Channels, IReadOnlyList<string> Branches, bool Enabled)
{
    public static SurveyTriggerResponse From(SurveyTrigger trigger) => new(
        trigger.On, trigger.DelayMinutes, trigger.SamplingRate, trigger.QuietPeriodDays, trigger.Channels, trigger.Branches, trigger.Enabled);
}

/// <summary>A survey's triggers.</summary>
/// <param name="SurveyId">The survey.</param>
/// <param name="Triggers">Its triggers; empty when it only invites on request.</param>
/// <param name="UpdatedAt">When they were last set; absent when never.</param>
public sealed record SurveyTriggersResponse(Guid SurveyId, IReadOnlyList<SurveyTriggerResponse> Triggers, DateTimeOffset? UpdatedAt)
{
    public static SurveyTriggersResponse From(Guid surveyId, SurveyTriggerSet? set) =>
        new(surveyId, set is null ? [] : [.. set.Triggers.Select(SurveyTriggerResponse.From)], set?.UpdatedAt);
}

/// <summary>The checks field annotations cannot make: nulls in lists, repeated events, channels and branches.</summary>
internal static class SurveyTriggerRules
{
    public static List<SurveyTrigger>? Read(SurveyTriggersRequest request, IReadOnlyList<string> surveyBranches, Dictionary<string, string[]> errors)
    {
        var triggers = new List<SurveyTrigger>();
        var seen = new HashSet<TriggerEvent>();
        for (var index = 0; index < request.Triggers.Count; index++)
        {
            var field = $"triggers[{index}]";
            if (request.Triggers[index] is not { } trigger)
            {
                errors[field] = ["A trigger, not null."];
                continue;
            }

            var on = trigger.On!.Value;
            if (!seen.Add(on))
            {
                errors[$"{field}.on"] = ["One trigger per event: this event already has one."];
            }

            var channels = trigger.Channels!;
            if (channels.Distinct().Count() != channels.Count)
            {
                errors[$"{field}.channels"] = ["Each channel once."];
            }

            var branches = (trigger.Branches ?? []).Select(branch => branch?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
            if (branches.Any(branch => branch.Length is 0 or > SurveyContent.MaxBranchLength))
            {
                errors[$"{field}.branches"] = [$"Branch codes of 1 to {SurveyContent.MaxBranchLength} characters."];
            }
            else if (surveyBranches.Count > 0 && branches.Except(surveyBranches, StringComparer.Ordinal).FirstOrDefault() is { } outside)
            {
                errors[$"{field}.branches"] = [$"Branch '{outside}' is not one the survey is for."];
            }

            triggers.Add(new SurveyTrigger(
                on,
                trigger.Delay ?? 0,
                trigger.SamplingRate ?? 1,
                trigger.QuietPeriodDays ?? SurveyTrigger.DefaultQuietPeriodDays,
                [.. channels],
                branches,
                trigger.Enabled ?? true));
        }

        return errors.Count > 0 ? null : triggers;
    }
}
