namespace CustomerPlatform.Customers.Domain;

/// <summary>Where an import job stands.</summary>
public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Reverted,
}

/// <summary>What an import does with a row, by whether a customer matches it.</summary>
public enum ImportMode
{
    /// <summary>Creates customers; a row matching an existing customer is skipped.</summary>
    Create,

    /// <summary>Updates matching customers; a row matching none is an error.</summary>
    Update,

    /// <summary>Updates matching customers and creates the rest.</summary>
    Upsert,

    /// <summary>Updates matching customers; a row matching none is skipped quietly.</summary>
    UpdateOnly,
}

/// <summary>How a row finds its existing customer.</summary>
public enum ImportMatch
{
    /// <summary>The row's first e-mail is one of the customer's e-mails.</summary>
    Email,

    /// <summary>The row's first phone is one of the customer's phones.</summary>
    Phone,

    /// <summary>The row's external id is the customer's.</summary>
    ExternalId,
}
