namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A phone number in E.164 (<c>+</c>, country code, up to 15 digits). Spaces, dashes, dots and brackets are
/// dropped and a leading <c>00</c> becomes <c>+</c>; a number without a country code is refused, since no
/// default country is known yet.
/// </summary>
public sealed record PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out PhoneNumber? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return false;
        }

        var compact = string.Concat(input.Where(character => !char.IsWhiteSpace(character) && character is not ('-' or '.' or '(' or ')')));
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }

        if (compact.Length < 2 || compact[0] != '+')
        {
            return false;
        }

        var digits = compact.AsSpan(1);
        if (digits[0] == '0' || digits.Length is < 7 or > 15 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        phone = new PhoneNumber(compact);
        return true;
    }

    public override string ToString() => Value;
}
