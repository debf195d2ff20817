using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class SurveySubmissionTests
{
    private static readonly DateTimeOffset Published = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Text = new() { ["en-GB"] = "?" };

    private static readonly SurveyAnswer[] Answers =
    [
        new("nps", QuestionType.Nps, Score: 9),
        new("csat", QuestionType.Csat, Score: 4),
        new("comment", QuestionType.FreeText, Text: "Ann was lovely"),
        new("visit", QuestionType.SingleChoice, Choices: ["shop"]),
    ];

    [Fact]
    public void Record_PinsTheVersionAndCopiesOutTheStandardScores()
    {
        var version = Version(["north"]);

        var response = SurveySubmission.Record(version, null, " north ", ResponseChannel.Letter, "en-GB", Answers, Now.AddDays(-1), Now);

        Assert.Equal(version.SurveyId, response.SurveyId);
        Assert.Equal(1, response.SurveyVersion);
        Assert.Equal("north", response.Branch);
        Assert.Equal(9, response.Nps);
        Assert.Equal(4, response.Csat);
        Assert.Null(response.Ces);
        Assert.Equal(Now.AddDays(-1), response.AnsweredAt);
        Assert.Equal(Now, response.RecordedAt);
    }

    [Theory]
    [InlineData(SurveyStatus.Draft, "survey-not-published")]
    [InlineData(SurveyStatus.Archived, "survey-archived")]
    public void EnsureOpen_SurveyNotTakingResponses_ThrowsConflict(SurveyStatus status, string code)
    {
        var refused = Assert.Throws<DomainException>(() => SurveySubmission.EnsureOpen(status));

        Assert.Equal(code, refused.Code);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public void Record_ForABranchTheVersionDoesNotName_Throws()
    {
        var refused = Assert.Throws<DomainException>(() =>
            SurveySubmission.Record(Version(["north"]), null, "south", ResponseChannel.Phone, "en-GB", Answers, Now, Now));

        Assert.Equal("survey-not-for-branch", refused.Code);
    }

    [Fact]
    public void CheckAnsweredAt_InTheFutureOrTooLongAgo_GivesAReason()
    {
        var nearlyNow = SurveySubmission.CheckAnsweredAt(Now.AddMinutes(4), Now);
        var lastMonth = SurveySubmission.CheckAnsweredAt(Now.AddDays(-30), Now);
        var future = SurveySubmission.CheckAnsweredAt(Now.AddHours(1), Now);
        var tooOld = SurveySubmission.CheckAnsweredAt(Now - SurveySubmission.MaxEntryDelay - TimeSpan.FromSeconds(1), Now);

        Assert.Null(nearlyNow);
        Assert.Null(lastMonth);
        Assert.NotNull(future);
        Assert.NotNull(tooOld);
    }

    [Fact]
    public void EraseFreeText_ClearsTextsAndKeepsScoresAndChoices()
    {
        var response = SurveySubmission.Record(Version([]), Guid.NewGuid(), "north", ResponseChannel.Phone, "en-GB", Answers, Now, Now);

        var erased = response.EraseFreeText();
        var again = response.EraseFreeText();

        Assert.True(erased);
        Assert.False(again);
        Assert.All(response.Answers, answer => Assert.Null(answer.Text));
        Assert.Equal(9, response.Answers[0].Score);
        Assert.Equal(["shop"], response.Answers[3].Choices);
        Assert.Equal(9, response.Nps);
    }

    private static SurveyVersion Version(string[] branches)
    {
        var content = new SurveyContent("Visit", SurveyKind.Nps, "en-GB", [new SurveyQuestion("nps", QuestionType.Nps, true, Text)], branches);
        return SurveyTemplate.Create(Guid.NewGuid(), content, Published).Publish(Published);
    }
}
