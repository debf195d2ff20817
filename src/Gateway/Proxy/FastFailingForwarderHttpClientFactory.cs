using Yarp.ReverseProxy.Forwarder;

namespace CustomerPlatform.Gateway.Proxy;

/// <summary>
/// A service that is down should cost the caller a quick 502, not a long wait: connecting gets a short timeout
/// (the activity timeout still bounds a slow response).
/// </summary>
public sealed class FastFailingForwarderHttpClientFactory : ForwarderHttpClientFactory
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = ConnectTimeout;
    }
}
