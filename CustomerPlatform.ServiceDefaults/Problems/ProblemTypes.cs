namespace CustomerPlatform.ServiceDefaults.Problems;

/// <summary>The stable problem <c>type</c> URIs the platform returns (RFC 9457).</summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:customer-platform:problem:";

    /// <summary>Builds the type URI for a stable code.</summary>
    public static string For(string code) => Prefix + code;

    public static readonly string Validation = For("validation");
    public static readonly string MalformedJson = For("malformed-json");
    public static readonly string BadRequest = For("bad-request");
    public static readonly string NotFound = For("not-found");
    public static readonly string Unauthorized = For("unauthorized");
    public static readonly string Forbidden = For("forbidden");
    public static readonly string Conflict = For("conflict");
    public static readonly string Duplicate = For("duplicate");
    public static readonly string PreconditionFailed = For("precondition-failed");
    public static readonly string PreconditionRequired = For("precondition-required");
    public static readonly string IdempotencyKeyReused = For("idempotency-key-reused");
    public static readonly string PayloadTooLarge = For("payload-too-large");
    public static readonly string RateLimited = For("rate-limited");
    public static readonly string UpstreamUnavailable = For("upstream-unavailable");
    public static readonly string Unexpected = For("unexpected");
}
