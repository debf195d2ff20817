using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// A private virtual host per test class on the shared broker: exchanges and queues declared by one class's app
/// are invisible to every other, and all of them go when the vhost is deleted.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncLifetime
{
    // One client for all fixtures: the management API is a single local endpoint.
    private static readonly HttpClient Management = CreateManagementClient();

    private readonly List<string> _users = [];

    private bool _created;

    public RabbitMqVirtualHost()
    {
        Name = $"cp-test-{Guid.NewGuid():N}";
        var broker = TestInfrastructure.RabbitMqUri;
        ConnectionString = new UriBuilder(broker) { Path = "/" + Uri.EscapeDataString(Name) }.Uri.AbsoluteUri;
    }

    /// <summary>The vhost's name, <c>cp-test-</c> and 32 hex digits.</summary>
    public string Name { get; }

    /// <summary>AMQP URI of the vhost with the broker's credentials, for the app's <c>messaging</c> connection string.</summary>
    public string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await SendCommandAsync(HttpMethod.Put, $"api/vhosts/{Escape(Name)}", content: null);
        _created = true;
        var user = Uri.UnescapeDataString(TestInfrastructure.RabbitMqUri.UserInfo.Split(':')[0]);
        await SendCommandAsync(
            HttpMethod.Put,
            $"api/permissions/{Escape(Name)}/{Escape(user)}",
            JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" }));
    }

    public async Task DisposeAsync()
    {
        // xunit disposes a fixture whose InitializeAsync failed; a second error would only hide the first.
        if (_created)
        {
            await SendCommandAsync(HttpMethod.Delete, $"api/vhosts/{Escape(Name)}", content: null, allowNotFound: true);
        }

        // Users are broker-wide, unlike everything else a test declares: they outlive the vhost unless deleted.
        foreach (var user in _users)
        {
            await SendCommandAsync(HttpMethod.Delete, $"api/users/{Escape(user)}", content: null, allowNotFound: true);
        }
    }

    /// <summary>
    /// Creates a broker user (no management tags) with the given permission regexes on this vhost, as an operator
    /// does for a third party with <c>rabbitmqctl add_user</c> and <c>set_permissions</c>; deleted with the vhost.
    /// Returns the AMQP URI of this vhost with the user's credentials.
    /// </summary>
    public async Task<string> AddUserAsync(string user, string password, string configure, string write, string read)
    {
        _users.Add(user);
        await SendCommandAsync(HttpMethod.Put, $"api/users/{Escape(user)}", JsonContent.Create(new { password, tags = "" }));
        await SendCommandAsync(
            HttpMethod.Put,
            $"api/permissions/{Escape(Name)}/{Escape(user)}",
            JsonContent.Create(new { configure, write, read }));
        return new UriBuilder(TestInfrastructure.RabbitMqUri)
        {
            UserName = Uri.EscapeDataString(user),
            Password = Uri.EscapeDataString(password),
            Path = "/" + Uri.EscapeDataString(Name),
        }.Uri.AbsoluteUri;
    }

    /// <summary>Declares a durable fanout exchange exactly as MassTransit declares a message type's exchange.</summary>
    public Task DeclareFanoutExchangeAsync(string exchange) =>
        SendCommandAsync(
            HttpMethod.Put,
            $"api/exchanges/{Escape(Name)}/{Escape(exchange)}",
            JsonContent.Create(new { type = "fanout", durable = true, auto_delete = false, @internal = false, arguments = new { } }));

    /// <summary>
    /// Messages in a queue (ready plus unacknowledged), 0 for a queue not yet declared. The broker refreshes these
    /// statistics every few seconds (collect_statistics_interval), so poll with <see cref="Eventually"/> and do not
    /// take a 0 as proof that nothing arrived.
    /// </summary>
    public async Task<long> CountMessagesAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(
            HttpMethod.Get, QueuePath(queue), content: null, allowNotFound: true, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        using var document = await JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number
            ? messages.GetInt64()
            : 0;
    }

    /// <summary>
    /// Every queue of the vhost with its messages (ready, unacknowledged) and consumers, one per line: to explain a
    /// failure (statistics lag by a few seconds, as for <see cref="CountMessagesAsync"/>).
    /// </summary>
    public async Task<string> DescribeQueuesAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"api/queues/{Escape(Name)}", content: null, allowNotFound: true, cancellationToken);
        using var document = await JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return $"(no queue list: {response.StatusCode})";
        }

        static long Read(JsonElement queue, string name) =>
            queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

        return string.Join(Environment.NewLine, document.RootElement.EnumerateArray().Select(queue =>
            $"{queue.GetProperty("name").GetString()}: {Read(queue, "messages_ready")} ready, {Read(queue, "messages_unacknowledged")} unacked, {Read(queue, "consumers")} consumers"));
    }

    /// <summary>Whether the queue has been declared in this vhost (immediate, unlike the counts).</summary>
    public async Task<bool> QueueExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(
            HttpMethod.Get, QueuePath(queue), content: null, allowNotFound: true, cancellationToken);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private string QueuePath(string queue) => $"api/queues/{Escape(Name)}/{Escape(queue)}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static async Task SendCommandAsync(HttpMethod method, string path, HttpContent? content, bool allowNotFound = false)
    {
        using var response = await SendAsync(method, path, content, allowNotFound);
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        HttpContent? content,
        bool allowNotFound = false,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await Management.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new InvalidOperationException(
                $"The RabbitMQ management API is not reachable at {Management.BaseAddress} ({exception.Message}). " +
                "Start the broker with its management plugin ('eng/infra.sh up') or point CP_TEST_RABBITMQ_MANAGEMENT at one.",
                exception);
        }

        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"RabbitMQ management {method} /{path} answered {(int)response.StatusCode}: {body}");
        }
    }

    private static HttpClient CreateManagementClient()
    {
        var uri = TestInfrastructure.RabbitMqManagementUri;
        var client = new HttpClient { BaseAddress = new UriBuilder(uri) { UserName = "", Password = "", Path = "/" }.Uri };
        var credentials = Uri.UnescapeDataString(uri.UserInfo);
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }
}
