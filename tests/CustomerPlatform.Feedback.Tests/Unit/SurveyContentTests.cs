using CustomerPlatform.Feedback.Domain.Surveys;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class SurveyContentTests
{
    [Fact]
    public void Check_NpsSurveyLeadingWithItsQuestion_HasNoErrors()
    {
        var content = Nps(Question("recommend", QuestionType.Nps), Choice("reason", "price", "staff"), Question("comment", QuestionType.FreeText));

        var errors = content.Check();

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(SurveyKind.Nps, QuestionType.Csat)]
    [InlineData(SurveyKind.Csat, QuestionType.Nps)]
    [InlineData(SurveyKind.Ces, QuestionType.FreeText)]
    public void Check_StandardSurveyNotLeadingWithItsQuestion_NamesTheFirstQuestionsType(SurveyKind kind, QuestionType first)
    {
        var content = Nps(Question("first", first)) with { Kind = kind };

        var errors = content.Check();

        Assert.Equal(["questions[0].type"], errors.Keys);
    }

    [Fact]
    public void Check_NpsSurveyWithASecondNpsQuestion_NamesIt()
    {
        var content = Nps(Question("recommend", QuestionType.Nps), Question("again", QuestionType.Nps));

        var errors = content.Check();

        Assert.Equal(["questions[1].type"], errors.Keys);
    }

    [Fact]
    public void Check_CustomSurvey_MayStartWithAnyQuestionAndHoldSeveralNps()
    {
        var content = Nps(Question("comment", QuestionType.FreeText), Question("a", QuestionType.Nps), Question("b", QuestionType.Nps)) with
        {
            Kind = SurveyKind.Custom,
        };

        var errors = content.Check();

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_DuplicateQuestionKeyInAnyCase_NamesTheLaterQuestion()
    {
        var content = Nps(Question("recommend", QuestionType.Nps), Question("comment", QuestionType.FreeText), Question("Comment", QuestionType.FreeText));

        var errors = content.Check();

        Assert.Equal(["questions[2].key"], errors.Keys);
    }

    [Fact]
    public void Check_QuestionWithoutDefaultLanguageText_NamesItsText()
    {
        var content = Nps(Question("recommend", QuestionType.Nps), Question("comment", QuestionType.FreeText) with
        {
            Text = new Dictionary<string, string> { ["de-DE"] = "Kommentar?" },
        });

        var errors = content.Check();

        Assert.Equal(["questions[1].text"], errors.Keys);
    }

    [Fact]
    public void Check_OptionWithoutDefaultLanguageLabel_NamesTheOptionsLabel()
    {
        var choice = Choice("reason", "price", "staff");
        var options = choice.Options!.ToList();
        options[1] = options[1] with { Label = new Dictionary<string, string> { ["fr-FR"] = "Personnel" } };
        var content = Nps(Question("recommend", QuestionType.Nps), choice with { Options = options });

        var errors = content.Check();

        Assert.Equal(["questions[1].options[1].label"], errors.Keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(SurveyContent.MaxOptions + 1)]
    public void Check_ChoiceWithTooFewOrTooManyOptions_NamesOptions(int count)
    {
        var content = Nps(Question("recommend", QuestionType.Nps), Choice("reason", [.. Enumerable.Range(0, count).Select(index => $"o{index}")]));

        var errors = content.Check();

        Assert.Equal(["questions[1].options"], errors.Keys);
    }

    [Fact]
    public void Check_OptionsOnAFreeTextQuestion_NamesOptions()
    {
        var content = Nps(Question("recommend", QuestionType.Nps), Choice("comment", "a", "b") with { Type = QuestionType.FreeText });

        var errors = content.Check();

        Assert.Equal(["questions[1].options"], errors.Keys);
    }

    [Theory]
    [InlineData(null, 5, "questions[1].min")]
    [InlineData(5, 5, "questions[1].max")]
    [InlineData(1, null, "questions[1].max")]
    [InlineData(1, 101, "questions[1].max")]
    [InlineData(-1, 5, "questions[1].min")]
    public void Check_RatingWithoutAProperScale_NamesTheBound(int? min, int? max, string field)
    {
        var content = Nps(Question("recommend", QuestionType.Nps), Question("stars", QuestionType.Rating) with { Min = min, Max = max });

        var errors = content.Check();

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Check_MinOnANonRatingQuestion_NamesMin()
    {
        var content = Nps(Question("recommend", QuestionType.Nps) with { Min = 0 });

        var errors = content.Check();

        Assert.Equal(["questions[0].min"], errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("english")]
    [InlineData("en_GB")]
    [InlineData("e")]
    public void Check_DefaultLanguageNotABcp47Tag_NamesIt(string language)
    {
        var content = Nps(Question("recommend", QuestionType.Nps)) with { DefaultLanguage = language };

        var errors = content.Check();

        Assert.Contains("defaultLanguage", errors.Keys);
    }

    [Fact]
    public void Check_NoQuestionsOrTooMany_NamesQuestions()
    {
        var none = Nps() with { Kind = SurveyKind.Custom };
        var tooMany = Nps([.. Enumerable.Range(0, SurveyContent.MaxQuestions + 1).Select(index => Question($"q{index}", QuestionType.FreeText))]) with
        {
            Kind = SurveyKind.Custom,
        };

        var noneErrors = none.Check();
        var tooManyErrors = tooMany.Check();

        Assert.Equal(["questions"], noneErrors.Keys);
        Assert.Equal(["questions"], tooManyErrors.Keys);
    }

    [Fact]
    public void Check_TextLongerThanTheLimit_NamesTheLanguage()
    {
        var content = Nps(Question("recommend", QuestionType.Nps) with
        {
            Text = new Dictionary<string, string> { ["en-GB"] = new('x', SurveyContent.MaxTextLength + 1) },
        });

        var errors = content.Check();

        Assert.Equal(["questions[0].text.en-GB"], errors.Keys);
    }

    [Fact]
    public void Check_BlankBranch_NamesIt()
    {
        var content = Nps(Question("recommend", QuestionType.Nps)) with { Branches = ["north", " "] };

        var errors = content.Check();

        Assert.Equal(["branches[1]"], errors.Keys);
    }

    [Fact]
    public void SameAs_EqualContentInOtherLists_IsTrue()
    {
        var first = Nps(Question("recommend", QuestionType.Nps), Choice("reason", "a", "b"));
        var second = Nps(Question("recommend", QuestionType.Nps), Choice("reason", "a", "b"));

        var same = first.SameAs(second);
        var changed = first.SameAs(second with { Name = "Other" });

        Assert.True(same);
        Assert.False(changed);
    }

    internal static SurveyContent Nps(params SurveyQuestion[] questions) =>
        new("After a visit", SurveyKind.Nps, "en-GB", questions, []);

    internal static SurveyQuestion Question(string key, QuestionType type) =>
        new(key, type, true, new Dictionary<string, string> { ["en-GB"] = $"Question {key}?", ["de-DE"] = $"Frage {key}?" });

    internal static SurveyQuestion Choice(string key, params string[] optionKeys) =>
        Question(key, QuestionType.SingleChoice) with
        {
            Options = [.. optionKeys.Select(option => new SurveyOption(option, new Dictionary<string, string> { ["en-GB"] = option.ToUpperInvariant() }))],
        };
}
