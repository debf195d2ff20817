using System.Diagnostics;
using System.Text.Json;
using CustomerPlatform.TestSupport;

namespace CustomerPlatform.Loyalty.Tests.Webhooks;

/// <summary>
/// receiver.py, the webhook receiver written from docs/webhooks.md in another language, on a free loopback port.
/// Each delivery it receives becomes one <see cref="ReceivedDelivery"/>.
/// </summary>
internal sealed class PythonReceiver : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private PythonReceiver(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Url = $"http://127.0.0.1:{port}/hooks";
    }

    public string Url { get; }

    private string SecretsPath => Path.Combine(_directory, "secrets.txt");

    private string ResultsPath => Path.Combine(_directory, "results.jsonl");

    /// <summary>Starts the receiver; it answers with <paramref name="statuses"/> in turn, then 200.</summary>
    public static async Task<PythonReceiver> StartAsync(params int[] statuses)
    {
        var directory = Directory.CreateTempSubdirectory("webhook-receiver-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "secrets.txt"), "");
        var portFile = Path.Combine(directory, "port");
        var start = new ProcessStartInfo(ThirdPartyPython.Interpreter)
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Webhooks", "receiver.py"),
                "--secrets", Path.Combine(directory, "secrets.txt"),
                "--results", Path.Combine(directory, "results.jsonl"),
                "--port-file", portFile,
                "--statuses", string.Join(',', statuses),
            },
            UseShellExecute = false,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{ThirdPartyPython.Interpreter} did not start");
        var port = await Eventually.GetAsync(
            async () => File.Exists(portFile) ? int.Parse(await File.ReadAllTextAsync(portFile), System.Globalization.CultureInfo.InvariantCulture) : (int?)null,
            "receiver.py should report its port");
        return new PythonReceiver(process, directory, port.GetValueOrDefault());
    }

    /// <summary>The secrets the receiver verifies with, in order (index 0 first).</summary>
    public Task TrustAsync(params string[] secrets) => File.WriteAllLinesAsync(SecretsPath, secrets);

    public async Task<IReadOnlyList<ReceivedDelivery>> ReceivedAsync()
    {
        if (!File.Exists(ResultsPath))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(ResultsPath);
        return [.. lines.Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize<ReceivedDelivery>(line, JsonSerializerOptions.Web)!)];
    }

    /// <summary>Waits until the receiver has had at least <paramref name="count"/> deliveries.</summary>
    public Task<IReadOnlyList<ReceivedDelivery>> WaitForAsync(int count, string because) =>
        Eventually.GetAsync(async () => await ReceivedAsync() is { } received && received.Count >= count ? received : null, because, TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>What receiver.py recorded about one delivery.</summary>
internal sealed record ReceivedDelivery(
    string WebhookId, string Timestamp, bool Fresh, string ContentType, int SignatureCount, IReadOnlyList<int> VerifiedBySecrets, bool Verified,
    int Status, JsonElement Body);
