using System.Collections.Frozen;

namespace CustomerPlatform.Feedback.Features.Themes;

/// <summary>
/// Words too common to be a theme. English only: comments in other languages still count, their function words just
/// show up among the terms until a list for the language is added here.
/// </summary>
internal static class Stopwords
{
    public static readonly FrozenSet<string> English = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "don't", "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "get",
        "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
        "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "me", "more", "most", "much",
        "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "really", "same", "she", "should", "so", "some", "still", "such", "than", "that",
        "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "us", "very", "was", "wasn't", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "yourselves", "didn't", "won't", "can't", "couldn't", "there's", "we're", "they're", "you're", "he's", "she's",
        "let", "lot", "bit", "way", "thing", "things", "went", "go", "going", "came", "come", "make", "made", "say", "said",
    ]);
}
