using System.Text.Json;
using CustomerPlatform.Feedback.Domain.Surveys;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class SurveyAnswersTests
{
    private static readonly Dictionary<string, string> Text = new() { ["en-GB"] = "?" };

    private static readonly SurveyQuestion[] Questions =
    [
        new("nps", QuestionType.Nps, true, Text),
        new("csat", QuestionType.Csat, false, Text),
        new("ces", QuestionType.Ces, false, Text),
        new("staff", QuestionType.Rating, false, Text, Min: 1, Max: 10),
        new("visit", QuestionType.SingleChoice, false, Text, Options: [new("shop", Text), new("repair", Text)]),
        new("liked", QuestionType.MultipleChoice, false, Text, Options: [new("price", Text), new("staff", Text)]),
        new("comment", QuestionType.FreeText, false, Text),
    ];

    [Fact]
    public void Read_ValidAnswers_ReturnsThemInQuestionOrderWithCanonicalKeys()
    {
        var errors = new Dictionary<string, string[]>();

        var answers = SurveyAnswers.Read(Questions, Parse("""{ "comment": " Great ", "liked": ["Staff", "price"], "visit": "shop", "nps": 0, "csat": 5, "ces": 7, "staff": 10 }"""), errors);

        Assert.Empty(errors);
        Assert.NotNull(answers);
        Assert.Equal(["nps", "csat", "ces", "staff", "visit", "liked", "comment"], answers.Select(answer => answer.Key));
        Assert.Equal(0, answers[0].Score);
        Assert.Equal(["staff", "price"], answers[5].Choices);
        Assert.Equal("Great", answers[6].Text);
    }

    [Fact]
    public void Read_OptionalQuestionsLeftOutOrBlank_AreNotAnswers()
    {
        var errors = new Dictionary<string, string[]>();

        var answers = SurveyAnswers.Read(Questions, Parse("""{ "nps": 7, "csat": null, "comment": "  " }"""), errors);

        Assert.Empty(errors);
        Assert.Equal(["nps"], answers!.Select(answer => answer.Key));
    }

    [Theory]
    [InlineData("""{ "nps": -1 }""", "answers.nps")]
    [InlineData("""{ "nps": 10.5 }""", "answers.nps")]
    [InlineData("""{ "nps": true }""", "answers.nps")]
    [InlineData("""{ }""", "answers.nps")]
    [InlineData("""{ "nps": 5, "csat": 6 }""", "answers.csat")]
    [InlineData("""{ "nps": 5, "ces": 0 }""", "answers.ces")]
    [InlineData("""{ "nps": 5, "staff": 11 }""", "answers.staff")]
    [InlineData("""{ "nps": 5, "visit": "web" }""", "answers.visit")]
    [InlineData("""{ "nps": 5, "liked": "price" }""", "answers.liked")]
    [InlineData("""{ "nps": 5, "liked": ["price", "PRICE"] }""", "answers.liked")]
    [InlineData("""{ "nps": 5, "comment": ["text"] }""", "answers.comment")]
    [InlineData("""{ "nps": 5, "Nps": 5 }""", "answers.Nps")]
    public void Read_BrokenAnswer_NamesItsField(string json, string field)
    {
        var errors = new Dictionary<string, string[]>();

        var answers = SurveyAnswers.Read(Questions, Parse(json), errors);

        Assert.Null(answers);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Read_TextLongerThanTheLimit_IsAnError()
    {
        var errors = new Dictionary<string, string[]>();
        var json = JsonSerializer.Serialize(new { nps = 5, comment = new string('x', SurveyAnswers.MaxTextLength + 1) });

        var answers = SurveyAnswers.Read(Questions, Parse(json), errors);

        Assert.Null(answers);
        Assert.Contains("answers.comment", errors.Keys);
    }

    private static Dictionary<string, JsonElement> Parse(string json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
