namespace CustomerPlatform.Customers.Domain;

/// <summary>Why two customers may be the same person.</summary>
public enum DuplicateReason
{
    /// <summary>They share an e-mail address.</summary>
    Email,

    /// <summary>They share a phone number.</summary>
    Phone,

    /// <summary>Their names are similar (trigram similarity at least 0.6) and they have the same postcode.</summary>
    NameAndPostcode,
}
