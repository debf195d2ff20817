namespace CustomerPlatform.TestSupport;

/// <summary>A span as an app exported it over OTLP, reduced to what tests assert on.</summary>
/// <param name="ServiceName">The resource's <c>service.name</c>, or empty when the resource has none.</param>
/// <param name="ScopeName">The instrumentation scope (the ActivitySource), e.g. <c>MassTransit</c>.</param>
/// <param name="TraceId">32 lowercase hex digits, as in a <c>traceparent</c> header.</param>
/// <param name="SpanId">16 lowercase hex digits.</param>
/// <param name="ParentSpanId">16 lowercase hex digits, or empty for a root span.</param>
/// <param name="Name">The span (activity display) name.</param>
/// <param name="Kind">OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</param>
/// <param name="Attributes">Scalar attributes (string, bool, integer, double) as invariant strings.</param>
public sealed record ReceivedSpan(
    string ServiceName,
    string ScopeName,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, string> Attributes);
