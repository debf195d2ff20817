namespace CustomerPlatform.Feedback.Domain.Complaints;

/// <summary>A version of one of the business's standards in the Standards service, which a complaint target comes from.</summary>
public sealed record StandardReference(Guid StandardId, int Version);
