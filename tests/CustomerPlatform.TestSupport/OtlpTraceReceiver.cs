using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// An OTLP/HTTP endpoint inside the test process, so tests can assert the spans real apps export through their
/// real exporter (for example one trace from the gateway through the outbox to a consumer). Point an app at it
/// with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> = <see cref="Endpoint"/> and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> = <c>http/protobuf</c>.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private const string ProtobufContentType = "application/x-protobuf";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedSpan> _spans = [];

    private OtlpTraceReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Base address, <c>http://127.0.0.1:PORT</c>; exporters append <c>/v1/traces</c>.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>Every span received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<ReceivedSpan> Spans
    {
        get
        {
            lock (_gate)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Starts listening on an ephemeral loopback port.</summary>
    public static async Task<OtlpTraceReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OtlpTraceReceiver).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpTraceReceiver(app);
        app.MapPost("/v1/traces", context => receiver.ReceiveTracesAsync(context));
        // Exporters of metrics and logs share the endpoint; accept and drop what they send so they do not log errors.
        app.MapPost("/v1/metrics", context => DiscardAsync(context));
        app.MapPost("/v1/logs", context => DiscardAsync(context));
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        receiver.Endpoint = addresses.Addresses.Single().TrimEnd('/');
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveTracesAsync(HttpContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.ContentType, ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            // OTLP/JSON is not parsed here; say so loudly rather than drop spans a test is waiting for.
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        using var body = new MemoryStream();
        if (string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
            await gzip.CopyToAsync(body, context.RequestAborted);
        }
        else if (encoding.Length == 0 || string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            await request.Body.CopyToAsync(body, context.RequestAborted);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        IReadOnlyList<ReceivedSpan> spans;
        try
        {
            spans = OtlpTraceParser.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
        }
        catch (FormatException exception)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(exception.Message, context.RequestAborted);
            return;
        }

        lock (_gate)
        {
            _spans.AddRange(spans);
        }

        WriteEmptySuccess(context.Response);
    }

    private static async Task DiscardAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        WriteEmptySuccess(context.Response);
    }

    // An empty Export*ServiceResponse encodes to zero bytes: full success, no partial rejection.
    private static void WriteEmptySuccess(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ProtobufContentType;
        response.ContentLength = 0;
    }
}
