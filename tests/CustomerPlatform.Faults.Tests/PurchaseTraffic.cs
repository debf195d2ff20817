using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.EndToEnd.Tests;

namespace CustomerPlatform.Faults.Tests;

/// <summary>
/// Steady purchase traffic through the gateway, as tills would send it: a fixed rate, a unique Idempotency-Key
/// per purchase, and a 502/503 (or no answer) retried a few times with the same key after a short back-off.
/// Every attempt's status and latency is kept for the test to judge.
/// </summary>
public sealed class PurchaseTraffic : IAsyncDisposable
{
    public const int MaxAttempts = 5;
    private const int MaxInFlight = 64;
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan BackOff = TimeSpan.FromMilliseconds(300);

    private readonly HttpClient _http = new() { Timeout = ClientTimeout };
    private readonly ConcurrentBag<PurchaseOutcome> _outcomes = [];
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly SemaphoreSlim _slots = new(MaxInFlight);
    private readonly CancellationTokenSource _stop = new();
    private readonly PlatformFixture _platform;
    private readonly IReadOnlyList<Guid> _customers;
    private readonly Task _loop;

    private PurchaseTraffic(PlatformFixture platform, IReadOnlyList<Guid> customers, int perSecond)
    {
        _platform = platform;
        _customers = customers;
        _loop = RunAsync(TimeSpan.FromSeconds(1.0 / perSecond));
    }

    /// <summary>Purchases for <paramref name="customers"/> of business A, <paramref name="perSecond"/> a second, until stopped.</summary>
    public static PurchaseTraffic Start(PlatformFixture platform, IReadOnlyList<Guid> customers, int perSecond) =>
        new(platform, customers, perSecond);

    public int Sent => _outcomes.Count + _inFlight.Count;

    /// <summary>Stops sending and waits for every purchase already started to finish (its retries included).</summary>
    public async Task<IReadOnlyList<PurchaseOutcome>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await Task.WhenAll(_inFlight.Keys);
        return [.. _outcomes];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
        _slots.Dispose();
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        var sequence = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                // Back-pressure instead of an unbounded pile of requests when the platform stalls.
                await _slots.WaitAsync(_stop.Token);
                var customerId = _customers[sequence % _customers.Count];
                var amount = 1 + (sequence % 97) + 0.5m;
                sequence++;
                var purchase = PurchaseAsync(customerId, amount);
                _inFlight.TryAdd(purchase, 0);
                _ = purchase.ContinueWith(done => _inFlight.TryRemove(done, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task PurchaseAsync(Guid customerId, decimal amount)
    {
        try
        {
            var key = Guid.NewGuid().ToString("N");
            var attempts = new List<PurchaseOutcome.Attempt>();
            Guid? purchaseId = null;
            while (attempts.Count < MaxAttempts)
            {
                var (attempt, id) = await SendOnceAsync(customerId, amount, key);
                attempts.Add(attempt);
                purchaseId = id;
                if (attempt.Status is not (0 or 502 or 503))
                {
                    break;
                }

                await Task.Delay(BackOff * attempts.Count);
            }

            _outcomes.Add(new PurchaseOutcome(customerId, amount, attempts, purchaseId));
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<(PurchaseOutcome.Attempt Attempt, Guid? PurchaseId)> SendOnceAsync(Guid customerId, decimal amount, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_platform.Gateway.BaseAddress, $"/api/v1/customers/{customerId}/purchases"))
        {
            Content = JsonContent.Create(new { branch = "central", amount, currency = "EUR" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _platform.BusinessA.ApiKey);
        request.Headers.Add("Idempotency-Key", key);
        var started = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var attempt = new PurchaseOutcome.Attempt((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, started.Elapsed, body);
            if (!response.IsSuccessStatusCode)
            {
                return (attempt, null);
            }

            using var created = JsonDocument.Parse(body);
            return (attempt with { Body = null }, created.RootElement.GetProperty("id").GetGuid());
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (new PurchaseOutcome.Attempt(0, null, started.Elapsed, exception.Message), null);
        }
    }
}
