using System.Security.Cryptography;

namespace CustomerPlatform.Loyalty.Domain;

/// <summary>
/// The code a customer shows at the till: 10 characters from 32 that cannot be misread for one another (no 0/O,
/// no 1/I), in two groups of five ("K7Q2M-XH9PA"). 50 random bits: unguessable, and a collision within one business
/// is so unlikely that the unique index alone settles it.
/// </summary>
public static class RedemptionCode
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 10;
    public const int GroupLength = 5;

    public static string New()
    {
        var characters = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return $"{new string(characters, 0, GroupLength)}-{new string(characters, GroupLength, Length - GroupLength)}";
    }

    /// <summary>
    /// A code as typed at a till (any case, with or without the dash or spaces) in its stored form, or null when it
    /// cannot be one.
    /// </summary>
    public static string? Normalise(string typed)
    {
        var characters = typed.Where(character => character is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray();
        if (characters.Length != Length || characters.Any(character => !Alphabet.Contains(character, StringComparison.Ordinal)))
        {
            return null;
        }

        return $"{new string(characters, 0, GroupLength)}-{new string(characters, GroupLength, Length - GroupLength)}";
    }
}
