var builder = DistributedApplication.CreateBuilder(args);

// Keys shared by the gateway and the services. Generated once and kept in user secrets; set
// Parameters:internal-signing-key / Parameters:operator-key to choose them.
var signingKey = builder.AddParameter(
    "internal-signing-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
var operatorKey = builder.AddParameter(
    "operator-key", new GenerateParameterDefault { MinLength = 40, Special = false }, secret: true, persist: true);

IResourceBuilder<IResourceWithConnectionString> customersDb, feedbackDb, loyaltyDb, standardsDb, gatewayDb, messaging;

// UseExistingServers=true: no containers; the connection strings come from configuration
// (ConnectionStrings:customersdb, ..., ConnectionStrings:messaging), e.g. the servers of eng/infra.sh.
if (string.Equals(builder.Configuration["UseExistingServers"], "true", StringComparison.OrdinalIgnoreCase))
{
    customersDb = builder.AddConnectionString("customersdb");
    feedbackDb = builder.AddConnectionString("feedbackdb");
    loyaltyDb = builder.AddConnectionString("loyaltydb");
    standardsDb = builder.AddConnectionString("standardsdb");
    gatewayDb = builder.AddConnectionString("gatewaydb");
    messaging = builder.AddConnectionString("messaging");
}
else
{
    var postgres = builder.AddPostgres("postgres").WithDataVolume();
    customersDb = postgres.AddDatabase("customersdb");
    feedbackDb = postgres.AddDatabase("feedbackdb");
    loyaltyDb = postgres.AddDatabase("loyaltydb");
    standardsDb = postgres.AddDatabase("standardsdb");
    gatewayDb = postgres.AddDatabase("gatewaydb");
    messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();
}

var customers = builder.AddProject<Projects.CustomerPlatform_Customers>("customers")
    .WithReference(customersDb).WaitFor(customersDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("InternalAuth__SigningKey", signingKey)
    .WithHttpHealthCheck("/health");

var feedback = builder.AddProject<Projects.CustomerPlatform_Feedback>("feedback")
    .WithReference(feedbackDb).WaitFor(feedbackDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("InternalAuth__SigningKey", signingKey)
    .WithHttpHealthCheck("/health");

var loyalty = builder.AddProject<Projects.CustomerPlatform_Loyalty>("loyalty")
    .WithReference(loyaltyDb).WaitFor(loyaltyDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("InternalAuth__SigningKey", signingKey)
    .WithHttpHealthCheck("/health");

var standards = builder.AddProject<Projects.CustomerPlatform_Standards>("standards")
    .WithReference(standardsDb).WaitFor(standardsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("InternalAuth__SigningKey", signingKey)
    .WithHttpHealthCheck("/health");

// The front door: the only resource reachable from outside; WithReference(service) gives it the
// services:<name>:http:0 keys its YARP destinations resolve.
var gateway = builder.AddProject<Projects.CustomerPlatform_Gateway>("gateway")
    .WithExternalHttpEndpoints()
    .WithReference(gatewayDb).WaitFor(gatewayDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(customers).WaitFor(customers)
    .WithReference(feedback).WaitFor(feedback)
    .WithReference(loyalty).WaitFor(loyalty)
    .WithReference(standards).WaitFor(standards)
    .WithEnvironment("InternalAuth__SigningKey", signingKey)
    .WithEnvironment("Platform__OperatorKey", operatorKey)
    .WithHttpHealthCheck("/health");

// Survey links in invitations start with the gateway's public address (the page is served through it).
feedback.WithEnvironment("Feedback__PublicBaseUrl", gateway.GetEndpoint("http"));

builder.Build().Run();
