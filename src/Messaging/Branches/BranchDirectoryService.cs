namespace CustomerPlatform.Messaging.Branches;

/// <summary>The service keeping the directory: it prefixes the inbox keys of the branch consumers (<c>standards.branch-registered</c>).</summary>
/// <param name="Name">The service's name, as its queues are prefixed.</param>
public sealed record BranchDirectoryService(string Name);
