using System.Collections.Frozen;

namespace CustomerPlatform.Feedback.Features.SurveyPage;

/// <summary>
/// The page's own words (not the survey's questions, which the business writes) in the languages the page speaks;
/// any other language falls back to English, by the primary subtag (fr-CA reads French).
/// </summary>
public sealed record SurveyPageText(
    string Lang,
    string RequiredNote,
    string RequiredMark,
    string Submit,
    string ScaleHint,
    string NpsHint,
    string ChooseAll,
    string ErrorSummary,
    string ErrorTitlePrefix,
    string ErrorRequired,
    string ErrorInvalid,
    string ErrorTooLong,
    string ThanksTitle,
    string ThanksBody,
    string UsedTitle,
    string UsedBody,
    string ExpiredTitle,
    string ExpiredBody,
    string NotFoundTitle,
    string NotFoundBody)
{
    public static readonly SurveyPageText English = new(
        "en",
        "Questions marked (required) must be answered.",
        "(required)",
        "Send my answers",
        "From {0} (lowest) to {1} (highest).",
        "0 means not at all likely, 10 means extremely likely.",
        "Choose all that apply.",
        "There is a problem with your answers",
        "Error: ",
        "Please answer this question.",
        "Please choose one of the answers offered.",
        "Please keep this answer to {0} characters or fewer.",
        "Thank you",
        "Your answers have been received. You can close this page.",
        "Already answered",
        "This survey link has already been used to answer. Thank you for your answers.",
        "This link has expired",
        "This survey is no longer open for answers. Thank you for your interest.",
        "Link not found",
        "This survey link is not valid. Please check that you opened the whole link from your message.");

    private static readonly FrozenDictionary<string, SurveyPageText> ByLanguage = new Dictionary<string, SurveyPageText>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English,
        ["fr"] = new(
            "fr",
            "Les questions marquées (obligatoire) doivent recevoir une réponse.",
            "(obligatoire)",
            "Envoyer mes réponses",
            "De {0} (le plus bas) à {1} (le plus haut).",
            "0 signifie pas du tout probable, 10 signifie extrêmement probable.",
            "Choisissez toutes les réponses qui conviennent.",
            "Vos réponses comportent un problème",
            "Erreur : ",
            "Veuillez répondre à cette question.",
            "Veuillez choisir l’une des réponses proposées.",
            "Veuillez limiter cette réponse à {0} caractères.",
            "Merci",
            "Vos réponses ont bien été reçues. Vous pouvez fermer cette page.",
            "Déjà répondu",
            "Ce lien d’enquête a déjà servi à répondre. Merci pour vos réponses.",
            "Ce lien a expiré",
            "Cette enquête n’accepte plus de réponses. Merci de votre intérêt.",
            "Lien introuvable",
            "Ce lien d’enquête n’est pas valide. Vérifiez que vous avez ouvert le lien complet de votre message."),
        ["de"] = new(
            "de",
            "Mit (Pflichtfeld) markierte Fragen müssen beantwortet werden.",
            "(Pflichtfeld)",
            "Antworten senden",
            "Von {0} (niedrigster Wert) bis {1} (höchster Wert).",
            "0 bedeutet überhaupt nicht wahrscheinlich, 10 bedeutet äußerst wahrscheinlich.",
            "Wählen Sie alle zutreffenden Antworten.",
            "Bei Ihren Antworten gibt es ein Problem",
            "Fehler: ",
            "Bitte beantworten Sie diese Frage.",
            "Bitte wählen Sie eine der angebotenen Antworten.",
            "Bitte beschränken Sie diese Antwort auf {0} Zeichen.",
            "Vielen Dank",
            "Ihre Antworten sind eingegangen. Sie können diese Seite schließen.",
            "Bereits beantwortet",
            "Mit diesem Umfragelink wurde bereits geantwortet. Vielen Dank für Ihre Antworten.",
            "Dieser Link ist abgelaufen",
            "Diese Umfrage nimmt keine Antworten mehr an. Vielen Dank für Ihr Interesse.",
            "Link nicht gefunden",
            "Dieser Umfragelink ist ungültig. Bitte prüfen Sie, ob Sie den vollständigen Link aus Ihrer Nachricht geöffnet haben."),
        ["es"] = new(
            "es",
            "Las preguntas marcadas con (obligatoria) deben responderse.",
            "(obligatoria)",
            "Enviar mis respuestas",
            "De {0} (más bajo) a {1} (más alto).",
            "0 significa nada probable, 10 significa muy probable.",
            "Elija todas las que correspondan.",
            "Hay un problema con sus respuestas",
            "Error: ",
            "Responda a esta pregunta.",
            "Elija una de las respuestas ofrecidas.",
            "Limite esta respuesta a {0} caracteres.",
            "Gracias",
            "Hemos recibido sus respuestas. Puede cerrar esta página.",
            "Ya respondida",
            "Este enlace de encuesta ya se utilizó para responder. Gracias por sus respuestas.",
            "Este enlace ha caducado",
            "Esta encuesta ya no acepta respuestas. Gracias por su interés.",
            "Enlace no encontrado",
            "Este enlace de encuesta no es válido. Compruebe que abrió el enlace completo de su mensaje."),
        ["nl"] = new(
            "nl",
            "Vragen gemarkeerd met (verplicht) moeten worden beantwoord.",
            "(verplicht)",
            "Mijn antwoorden versturen",
            "Van {0} (laagste) tot {1} (hoogste).",
            "0 betekent helemaal niet waarschijnlijk, 10 betekent zeer waarschijnlijk.",
            "Kies alles wat van toepassing is.",
            "Er is een probleem met uw antwoorden",
            "Fout: ",
            "Beantwoord deze vraag.",
            "Kies een van de aangeboden antwoorden.",
            "Houd dit antwoord op maximaal {0} tekens.",
            "Bedankt",
            "Uw antwoorden zijn ontvangen. U kunt deze pagina sluiten.",
            "Al beantwoord",
            "Met deze enquêtelink is al geantwoord. Bedankt voor uw antwoorden.",
            "Deze link is verlopen",
            "Deze enquête neemt geen antwoorden meer aan. Bedankt voor uw interesse.",
            "Link niet gevonden",
            "Deze enquêtelink is niet geldig. Controleer of u de volledige link uit uw bericht hebt geopend."),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The page's words for a BCP 47 tag, by its primary subtag; English when the page does not speak it.</summary>
    public static SurveyPageText For(string? language)
    {
        var primary = language?.Split('-', 2)[0] ?? "";
        return ByLanguage.GetValueOrDefault(primary) ?? English;
    }

    /// <summary>The first language of an Accept-Language header the page speaks, for pages with no invitation behind them.</summary>
    public static SurveyPageText ForAcceptLanguage(string? header)
    {
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10))
        {
            var primary = part.Split(';', 2)[0].Split('-', 2)[0];
            if (ByLanguage.TryGetValue(primary, out var text))
            {
                return text;
            }
        }

        return English;
    }
}
