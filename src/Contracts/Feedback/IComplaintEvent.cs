namespace CustomerPlatform.Contracts.Feedback;

/// <summary>
/// What every complaint event carries: the case, who and where it is about, and the status it has just reached.
/// Lets a consumer treat the case's steps alike (Customers puts each on the customer's timeline).
/// </summary>
public interface IComplaintEvent : IIntegrationEvent
{
    /// <summary>The complaint case's id.</summary>
    Guid ComplaintId { get; }

    /// <summary>The customer who complained, when known.</summary>
    Guid? CustomerId { get; }

    /// <summary>The branch code the complaint is about.</summary>
    string Branch { get; }

    /// <summary>The business's own category code.</summary>
    string Category { get; }

    /// <summary>low, medium, high or critical.</summary>
    string Severity { get; }

    /// <summary>The case's status after this event.</summary>
    string Status { get; }
}
