using System.Net.Mail;

namespace CustomerPlatform.Customers.Domain;

/// <summary>An e-mail address, normalised (trimmed, lower case) so the same address always compares equal.</summary>
public sealed record EmailAddress
{
    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out EmailAddress? email)
    {
        email = null;
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254
            || !MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.Address != trimmed || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        email = new EmailAddress(trimmed.ToLowerInvariant());
        return true;
    }

    public override string ToString() => Value;
}
