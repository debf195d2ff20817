using CustomerPlatform.Feedback.Domain;
using CustomerPlatform.Feedback.Domain.Items;
using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class FeedbackItemRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_StaffSuggestion_KeepsEveryField()
    {
        var details = new FeedbackItemDetails(FeedbackKind.Suggestion, FeedbackFrom.Staff, " S-042 ", FeedbackAboutType.Product, " Flat white ", ResponseChannel.InPerson, null, " Smaller cups ", ["cups"]);

        var item = FeedbackItem.Record(Guid.NewGuid(), null, "LON-01", details, Now);

        Assert.Equal(FeedbackKind.Suggestion, item.Kind);
        Assert.Equal(FeedbackFrom.Staff, item.From);
        Assert.Equal("S-042", item.StaffMember);
        Assert.Equal("Flat white", item.AboutReference);
        Assert.Equal("Smaller cups", item.Comment);
        Assert.Null(item.Rating);
        Assert.Equal(["cups"], item.Tags);
    }

    [Fact]
    public void Record_AboutTheBranchWithoutReference_UsesTheBranchCode()
    {
        var item = FeedbackItem.Record(Guid.NewGuid(), null, " LON-01 ", new FeedbackItemDetails(Rating: 7), Now);

        Assert.Equal(FeedbackAboutType.Branch, item.AboutType);
        Assert.Equal("LON-01", item.AboutReference);
        Assert.Equal(FeedbackKind.Rating, item.Kind);
    }

    public static TheoryData<FeedbackItemDetails, string> Broken => new()
    {
        { new FeedbackItemDetails(), "rating" },
        { new FeedbackItemDetails(FeedbackKind.Compliment), "text" },
        { new FeedbackItemDetails(FeedbackKind.Compliment, FeedbackFrom.Staff, Text: "x"), "staffMember" },
        { new FeedbackItemDetails(FeedbackKind.Compliment, StaffMember: "Ann", Text: "x"), "staffMember" },
        { new FeedbackItemDetails(FeedbackKind.Question, AboutType: FeedbackAboutType.Service, Text: "x"), "about.reference" },
        { new FeedbackItemDetails(FeedbackKind.Question, AboutReference: "PAR-02", Text: "x"), "about.reference" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Check_BreakingARule_NamesTheFieldAndRecordThrows(FeedbackItemDetails details, string field)
    {
        var errors = new Dictionary<string, string[]>();

        FeedbackItem.Check("LON-01", details, errors);

        Assert.Equal([field], errors.Keys);
        Assert.Equal("invalid-feedback-item", Assert.Throws<DomainException>(() => FeedbackItem.Record(Guid.NewGuid(), null, "LON-01", details, Now)).Code);
    }

    [Fact]
    public void Tags_AreNormalisedAndDeduplicated()
    {
        var errors = new Dictionary<string, string[]>();

        var tags = FeedbackTags.Read([" Long  Queue ", "long-queue", "PRICE"], "tags", errors);

        Assert.Empty(errors);
        Assert.Equal(["long-queue", "price"], tags);
    }

    [Fact]
    public void Tags_TooManyOrTooLong_AreFieldErrors()
    {
        var errors = new Dictionary<string, string[]>();

        FeedbackTags.Read([.. Enumerable.Range(0, 21).Select(index => $"t{index}"), new string('x', 41)], "tags", errors);

        Assert.Equal(["tags", "tags[21]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CheckImportedAnsweredAt_AllowsOldButNotFutureTimes()
    {
        Assert.Null(SurveySubmission.CheckImportedAnsweredAt(Now.AddYears(-5), Now));
        Assert.NotNull(SurveySubmission.CheckAnsweredAt(Now.AddYears(-5), Now));
        Assert.NotNull(SurveySubmission.CheckImportedAnsweredAt(Now.AddHours(1), Now));
    }
}
