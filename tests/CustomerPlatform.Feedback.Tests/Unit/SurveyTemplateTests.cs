using CustomerPlatform.Feedback.Domain.Surveys;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;
using static CustomerPlatform.Feedback.Tests.Unit.SurveyContentTests;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class SurveyTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.NewGuid();

    [Fact]
    public void Create_ValidContent_IsADraftWithNoVersion()
    {
        var template = SurveyTemplate.Create(TenantId, Valid(), Now);

        Assert.Equal(SurveyStatus.Draft, template.Status);
        Assert.Equal(0, template.PublishedVersion);
        Assert.True(template.HasUnpublishedChanges);
        Assert.Equal(TenantId, template.TenantId);
        Assert.Equal(Now, template.CreatedAt);
    }

    [Fact]
    public void Create_InvalidContent_ThrowsInvalidSurvey()
    {
        var content = Valid() with { DefaultLanguage = "english" };

        var refused = Assert.Throws<DomainException>(() => SurveyTemplate.Create(TenantId, content, Now));

        Assert.Equal("invalid-survey", refused.Code);
    }

    [Fact]
    public void Publish_Draft_FreezesVersionOne()
    {
        var template = SurveyTemplate.Create(TenantId, Valid(), Now);

        var version = template.Publish(Now.AddMinutes(1));

        Assert.Equal(1, version.Number);
        Assert.Equal(template.Id, version.SurveyId);
        Assert.Equal(template.Name, version.Name);
        Assert.Equal(Now.AddMinutes(1), version.PublishedAt);
        Assert.Equal(SurveyStatus.Published, template.Status);
        Assert.False(template.HasUnpublishedChanges);
    }

    [Fact]
    public void Publish_WithoutChangesSinceLastVersion_ThrowsConflict()
    {
        var template = SurveyTemplate.Create(TenantId, Valid(), Now);
        template.Publish(Now);

        var refused = Assert.Throws<DomainException>(() => template.Publish(Now));

        Assert.Equal("survey-unchanged", refused.Code);
        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal(1, template.PublishedVersion);
    }

    [Fact]
    public void Replace_AfterPublishing_MakesADraftAndLeavesTheVersionAsItWas()
    {
        var template = SurveyTemplate.Create(TenantId, Valid(), Now);
        var first = template.Publish(Now);

        var changed = template.Replace(Valid() with { Name = "Renamed" }, Now.AddHours(1));
        var second = template.Publish(Now.AddHours(2));

        Assert.True(changed);
        Assert.Equal("After a visit", first.Name);
        Assert.Equal("Renamed", second.Name);
        Assert.Equal(2, second.Number);
    }

    [Fact]
    public void Replace_WithTheSameContent_ChangesNothing()
    {
        var template = SurveyTemplate.Create(TenantId, Valid(), Now);
        template.Publish(Now);

        var changed = template.Replace(Valid(), Now.AddHours(1));

        Assert.False(changed);
        Assert.False(template.HasUnpublishedChanges);
        Assert.Equal(Now, template.UpdatedAt);
    }

    [Fact]
    public void Archive_ThenEditPublishOrArchive_ThrowsSurveyArchived()
    {
        var template = SurveyTemplate.Create(TenantId, Valid(), Now);
        template.Publish(Now);

        template.Archive(Now.AddDays(1));

        Assert.Equal(SurveyStatus.Archived, template.Status);
        Assert.Equal("survey-archived", Assert.Throws<DomainException>(() => template.Replace(Valid() with { Name = "Late" }, Now)).Code);
        Assert.Equal("survey-archived", Assert.Throws<DomainException>(() => template.Publish(Now)).Code);
        Assert.Equal("survey-archived", Assert.Throws<DomainException>(() => template.Archive(Now)).Code);
    }

    [Theory]
    [InlineData("north", true)]
    [InlineData(" north ", true)]
    [InlineData("south", false)]
    public void AppliesTo_TemplateNamingBranches_OnlyThose(string branch, bool applies)
    {
        var template = SurveyTemplate.Create(TenantId, Valid() with { Branches = ["north", "east"] }, Now);

        var result = template.AppliesTo(branch);

        Assert.Equal(applies, result);
    }

    [Fact]
    public void AppliesTo_TemplateNamingNoBranch_AppliesToEvery()
    {
        var template = SurveyTemplate.Create(TenantId, Valid(), Now);

        var result = template.AppliesTo("anywhere");

        Assert.True(result);
    }

    private static SurveyContent Valid() => Nps(Question("recommend", QuestionType.Nps), Choice("reason", "price", "staff"));
}
