using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// One of the platform's apps running as a real process from its build output, on a real port, configured
/// only through the environment variables Aspire (or eng/run.sh) would set.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ProcessStartInfo _startInfo;
    private Process? _process;

    public AppProcess(string name, string project, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Port = port;
        var directory = Path.Combine(RepositoryRoot, "src", project, "bin", BuildConfiguration, "net10.0");
        var assembly = Path.Combine(directory, $"CustomerPlatform.{project}.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build the solution ({BuildConfiguration}) first.");
        }

        _startInfo = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _startInfo.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        _startInfo.Environment["OTEL_SERVICE_NAME"] = name;
        foreach (var (key, value) in environment)
        {
            _startInfo.Environment[key] = value;
        }
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the app wrote, for a failing test's message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>A loopback port free at the time of asking, for an app to listen on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app; after a kill or a stop, starts it again on the same port with the same environment.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        _process?.Dispose();
        _process = Process.Start(_startInfo) ?? throw new InvalidOperationException($"Could not start {Name}.");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until <c>/health</c> answers 200 (database and broker reachable).</summary>
    public async Task WaitUntilHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not healthy within {timeout}:{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>Kills the app at once (SIGKILL on Linux): no shutdown code runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        var process = Running();
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>
    /// Asks the app to stop with SIGTERM, as an orchestrator does, and returns its exit code once it has stopped
    /// (the host drains in-flight requests and consumers first).
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        var process = Running();
        using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private Process Running() =>
        IsRunning ? _process! : throw new InvalidOperationException($"{Name} is not running.");

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue($"[{Name}] {line}");
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static string BuildConfiguration =>
        // The calling assembly runs from <project>/bin/<Configuration>/net10.0/; the apps were built alike.
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    private static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CustomerPlatform.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("CustomerPlatform.sln not found above the running assembly.");
        }
    }
}
