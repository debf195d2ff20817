using System.Net.Sockets;
using CustomerPlatform.Loyalty.Domain.Webhooks;

namespace CustomerPlatform.Loyalty.Features.Webhooks;

/// <summary>
/// The client deliveries go out on. Its own handler, not IHttpClientFactory's defaults: those add the standard
/// resilience handler, whose retries would hide failures from the delivery log and break the backoff schedule. It
/// follows no redirects (a 3xx could point inside the network) and refuses, at connect time, non-public addresses
/// for businesses that have not allowed them, so a DNS answer that changed after the check cannot slip through.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public static readonly HttpRequestOptionsKey<bool> AllowPrivateNetworks = new("webhooks.allow-private-networks");

    private readonly HttpClient _client;

    public WebhookHttp()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // Short-lived pooled connections: one established for a business allowing private networks is not
            // reused for long, and the per-request check below still runs for every new connection.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        context.InitialRequestMessage.Options.TryGetValue(AllowPrivateNetworks, out var allowPrivate);
        var addresses = await WebhookUrls.ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(address => allowPrivate || AddressRules.IsPublic(address)).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(context.DnsEndPoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The receiver's host resolved to no address the business may reach.</summary>
public sealed class WebhookAddressRefusedException(string host)
    : IOException($"The host '{host}' resolves to no address this business's webhooks may reach.");
