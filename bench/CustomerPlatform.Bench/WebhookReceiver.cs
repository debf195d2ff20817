using System.Collections.Concurrent;
using CustomerPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CustomerPlatform.Bench;

/// <summary>
/// A minimal webhook receiver in the bench's process (Kestrel on loopback): it verifies nothing, reads the body,
/// notes when each <c>Webhook-Id</c> first arrived and how often, and answers 204. Two lanes on one server, so the
/// platform's deliveries and the baseline's direct posts cost the receiver the same and are counted apart.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string PlatformLane = "platform";
    public const string DirectLane = "direct";

    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, ReceivedLane> _lanes;

    private WebhookReceiver(WebApplication app, Uri baseAddress, IReadOnlyDictionary<string, ReceivedLane> lanes)
    {
        _app = app;
        BaseAddress = baseAddress;
        _lanes = lanes;
    }

    public Uri BaseAddress { get; }

    public ReceivedLane Platform => _lanes[PlatformLane];

    public ReceivedLane Direct => _lanes[DirectLane];

    public Uri Url(string lane) => new(BaseAddress, "/hooks/" + lane);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = AppProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var lanes = new Dictionary<string, ReceivedLane> { [PlatformLane] = new(), [DirectLane] = new() };
        app.MapPost("/hooks/{lane}", async (string lane, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (!lanes.TryGetValue(lane, out var received) || !Guid.TryParse(request.Headers["Webhook-Id"], out var id))
            {
                return Results.BadRequest();
            }

            received.Record(id, body, request.Headers["Webhook-Timestamp"].ToString(), request.Headers["Webhook-Signature"].ToString());
            return Results.NoContent();
        });
        await app.StartAsync();
        return new WebhookReceiver(app, new Uri($"http://127.0.0.1:{port}/"), lanes);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What one lane of the receiver got, by webhook id.</summary>
public sealed class ReceivedLane
{
    private readonly ConcurrentDictionary<Guid, Receipt> _receipts = new();

    public int Distinct => _receipts.Count;

    public int Duplicates => _receipts.Values.Sum(receipt => receipt.Count - 1);

    public IReadOnlyDictionary<Guid, Receipt> Receipts => _receipts;

    public void Record(Guid id, string body, string timestamp, string signature)
    {
        var now = DateTimeOffset.UtcNow;
        _receipts.AddOrUpdate(id, _ => new Receipt(now, 1, body, timestamp, signature), (_, first) => first with { Count = first.Count + 1 });
    }

    public void Clear() => _receipts.Clear();

    /// <summary>A webhook id's first arrival (UTC, comparable with the times Loyalty records), how many times it came, and what it carried.</summary>
    public sealed record Receipt(DateTimeOffset FirstAt, int Count, string Body, string Timestamp, string Signature);
}
