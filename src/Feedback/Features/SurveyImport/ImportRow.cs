namespace CustomerPlatform.Feedback.Features.SurveyImport;

/// <summary>A row to import and how its errors are keyed (<c>rows[3].answers.nps</c> in JSON, <c>line 4: answers.nps</c> in CSV).</summary>
internal sealed record ImportRow(Func<string, string> KeyOf, ImportedSurveyResponse Response);
