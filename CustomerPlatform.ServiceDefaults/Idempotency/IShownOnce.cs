namespace CustomerPlatform.ServiceDefaults.Idempotency;

/// <summary>
/// A created resource's response that carries something shown only once, such as a signing secret. The
/// idempotency record keeps <see cref="WithoutSecrets"/> instead, so no secret is stored in plain text there;
/// a replay under the same key answers the same resource without it.
/// </summary>
public interface IShownOnce
{
    /// <summary>The response as a replay answers it: the same resource, the secrets left out.</summary>
    object WithoutSecrets();
}
