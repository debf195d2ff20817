namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The platform's own activity sources and meters are all named <c>CustomerPlatform.&lt;Part&gt;</c>,
/// so the defaults subscribe to every one of them with this one wildcard.
/// </summary>
public static class PlatformTelemetry
{
    /// <summary>The wildcard the OpenTelemetry registration subscribes to.</summary>
    public const string SourcePattern = "CustomerPlatform.*";
}
