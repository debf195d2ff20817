namespace CustomerPlatform.ServiceDefaults.Problems;

/// <summary>
/// A business rule said no. <see cref="Code"/> is stable (it becomes the problem type
/// <c>urn:customer-platform:problem:&lt;code&gt;</c>), so clients can branch on it.
/// </summary>
public sealed class DomainException(string code, string message, DomainErrorKind kind = DomainErrorKind.Unprocessable)
    : Exception(message)
{
    /// <summary>Stable kebab-case code, e.g. <c>insufficient-points</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Whether the request conflicts with current state (409) or can never succeed as sent (422).</summary>
    public DomainErrorKind Kind { get; } = kind;
}

/// <summary>How a <see cref="DomainException"/> maps to HTTP.</summary>
public enum DomainErrorKind
{
    /// <summary>422: well-formed, but the rules refuse it.</summary>
    Unprocessable,

    /// <summary>409: it clashes with the current state of the resource.</summary>
    Conflict,
}
