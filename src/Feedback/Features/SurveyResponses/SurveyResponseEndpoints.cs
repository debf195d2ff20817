namespace CustomerPlatform.Feedback.Features.SurveyResponses;

/// <summary>The survey response routes: entered under their survey, read on their own.</summary>
public static class SurveyResponseEndpoints
{
    public const string BasePath = "/api/v1/feedback/responses";

    public static void MapSurveyResponses(this RouteGroupBuilder feedback)
    {
        var underSurvey = feedback.MapGroup("/surveys/{surveyId:guid}/responses").WithTags("Survey responses");
        underSurvey.MapRecordSurveyResponse();
        underSurvey.MapListSurveyResponses();
        feedback.MapGroup("/responses").WithTags("Survey responses").MapGetSurveyResponse();
    }

    internal static string PathOf(Guid responseId) => $"{BasePath}/{responseId}";
}
