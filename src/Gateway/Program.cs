using CustomerPlatform.Gateway.Features.Audit;
using CustomerPlatform.Gateway.Features.Branches;
using CustomerPlatform.Gateway.Features.Businesses;
using CustomerPlatform.Gateway.Features.Keys;
using CustomerPlatform.Gateway.Features.PersonalData;
using CustomerPlatform.Gateway.Infrastructure;
using CustomerPlatform.Gateway.Proxy;
using CustomerPlatform.Messaging;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;
using Yarp.ReverseProxy.Forwarder;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDbContext<GatewayDbContext>("gatewaydb", MessagingExtensions.UseOutboxNudge);
// Publishes branch events through its outbox; it consumes nothing.
builder.AddMessaging<GatewayDbContext>("gateway");
builder.Services.AddValidation();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<ApiKeyAuthenticator>();
builder.Services.AddSingleton<InternalTokenSigner>();
builder.Services.AddSingleton<OperatorKey>();
builder.Services.AddSingleton<KeyRateLimiter>();
builder.Services.AddSingleton<PublicPageRateLimiter>();
builder.Services.AddSingleton<AuditTrail>();
builder.Services.AddHostedService<AuditWriter>();
builder.Services.AddPersonalData();
builder.Services.AddSingleton<IForwarderHttpClientFactory, FastFailingForwarderHttpClientFactory>();
var (routes, clusters) = ServiceRoutes.FromConfiguration(builder.Configuration);
builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);

// Above the gateway's own limit, so an overlong URI gets its 414 problem instead of the server's bare 414.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);

var app = builder.Build();
app.UseCorrelationId();
app.UseSecurityHeaders();
app.UseAuditTrail();
app.UsePlatformProblemDetails();
app.UseDatabaseRetryBudget();
app.UseRequestLimits(builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", 1024L * 1024), GatewayPipeline.MaxTargetLength);
app.UseApiKeyEndpoints();
app.MapDefaultEndpoints();
app.MapBusinesses();
app.MapKeys();
app.MapBranches();
app.MapAudit();
app.MapPersonalData();
app.MapReverseProxy(proxy => proxy.UseApiKeyAuthentication().UseUpstreamProblems());

await app.MigrateDatabaseAsync<GatewayDbContext>();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
