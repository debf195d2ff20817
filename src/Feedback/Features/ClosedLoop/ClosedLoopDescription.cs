using System.Globalization;
using System.Text;
using CustomerPlatform.Feedback.Domain.Complaints;
using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Features.ClosedLoop;

/// <summary>The description of a case the closed loop opens: the scores that opened it and the customer's own words.</summary>
public static class ClosedLoopDescription
{
    public static string Of(SurveySubmission response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Opened automatically from survey response {response.Id}:");
        if (response.Nps is { } nps)
        {
            text.Append(CultureInfo.InvariantCulture, $" NPS {nps} of 10.");
        }

        if (response.Csat is { } csat)
        {
            text.Append(CultureInfo.InvariantCulture, $" CSAT {csat} of 5.");
        }

        foreach (var answer in response.Answers.Where(answer => !string.IsNullOrWhiteSpace(answer.Text)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{answer.Key}: \"{answer.Text}\"");
        }

        // Several long comments can together exceed what a case holds; the response keeps them whole.
        return text.Length <= Complaint.MaxDescriptionLength ? text.ToString() : text.ToString(0, Complaint.MaxDescriptionLength - 1) + "…";
    }
}
