namespace CustomerPlatform.Customers.Domain;

/// <summary>Why the contact happened; enquiries and information requests are what the needs report follows.</summary>
public enum InteractionPurpose
{
    Enquiry,
    InformationRequest,
    Purchase,
    Service,
    Complaint,
    FollowUp,
    Other,
}
