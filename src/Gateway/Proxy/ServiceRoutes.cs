using CustomerPlatform.ServiceDefaults.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace CustomerPlatform.Gateway.Proxy;

/// <summary>
/// The routes to the four services, by path prefix, with destinations read from the service-discovery keys
/// Aspire injects (<c>services:customers:http:0</c>, ...). The local run script sets the same keys.
/// </summary>
public static class ServiceRoutes
{
    public static readonly IReadOnlyList<string> Services = ["customers", "feedback", "loyalty", "standards"];

    /// <summary>Route metadata key marking a route customers open without an API key (see <see cref="IsPublic"/>).</summary>
    public const string PublicMetadataKey = "Public";

    /// <summary>The route of the public survey pages, served by Feedback.</summary>
    public const string SurveyPageRouteId = "survey-page";

    /// <summary>The route of the public service charter pages, served by Standards.</summary>
    public const string CharterPageRouteId = "charter-page";

    /// <summary>How long an upstream may stay silent before the gateway answers 504 instead of hanging.</summary>
    private static readonly TimeSpan UpstreamTimeout = TimeSpan.FromSeconds(30);

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) FromConfiguration(IConfiguration configuration)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var service in Services)
        {
            var destinations = Destinations(configuration, service);
            if (destinations.Count == 0)
            {
                throw new InvalidOperationException(
                    $"No address for service '{service}': set services:{service}:http:0 (Aspire does this; so does eng/run.sh).");
            }

            routes.Add(new RouteConfig
            {
                RouteId = service,
                ClusterId = service,
                Match = new RouteMatch { Path = $"/api/v1/{service}/{{**rest}}" },
            });
            clusters.Add(new ClusterConfig
            {
                ClusterId = service,
                Destinations = destinations,
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = UpstreamTimeout },
            });
        }

        routes.Add(new RouteConfig
        {
            RouteId = SurveyPageRouteId,
            ClusterId = "feedback",
            Match = new RouteMatch { Path = PublicPages.PathPrefix + "/{**rest}", Methods = ["GET", "HEAD", "POST"] },
            Metadata = new Dictionary<string, string> { [PublicMetadataKey] = "true" },
        });
        routes.Add(new RouteConfig
        {
            RouteId = CharterPageRouteId,
            ClusterId = "standards",
            Match = new RouteMatch { Path = PublicPages.CharterPathPrefix + "/{**rest}", Methods = ["GET", "HEAD"] },
            Metadata = new Dictionary<string, string> { [PublicMetadataKey] = "true" },
        });
        return (routes, clusters);
    }

    /// <summary>Whether the route is one of the public pages, which carry no caller at all.</summary>
    public static bool IsPublic(RouteConfig route) =>
        route.Metadata?.TryGetValue(PublicMetadataKey, out var value) == true && value == "true";

    private static Dictionary<string, DestinationConfig> Destinations(IConfiguration configuration, string service)
    {
        var destinations = new Dictionary<string, DestinationConfig>();
        foreach (var scheme in new[] { "https", "http" })
        {
            foreach (var endpoint in configuration.GetSection($"services:{service}:{scheme}").GetChildren())
            {
                if (!string.IsNullOrWhiteSpace(endpoint.Value))
                {
                    destinations[$"{service}-{scheme}-{endpoint.Key}"] = new DestinationConfig { Address = endpoint.Value };
                }
            }
        }

        return destinations;
    }
}
