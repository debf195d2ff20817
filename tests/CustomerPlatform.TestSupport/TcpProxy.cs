using System.Net;
using System.Net.Sockets;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// A loopback TCP forwarder placed between one app under test and a shared server, so a test can take the server
/// away from that app alone ("the broker is down") and give it back, while other test classes keep using it.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private const int Backlog = 64;

    private readonly IPEndPoint _target;
    private readonly Lock _gate = new();
    private readonly HashSet<Connection> _connections = [];
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private bool _disposed;

    private TcpProxy(IPEndPoint target)
    {
        _target = target;
    }

    /// <summary>The loopback port the proxy listens on; it stays the same across <see cref="CutAsync"/> and <see cref="Resume"/>.</summary>
    public int Port { get; private set; }

    /// <summary>Starts forwarding 127.0.0.1:<see cref="Port"/> (an ephemeral port) to the target.</summary>
    public static TcpProxy Start(string targetHost, int targetPort)
    {
        var address = IPAddress.TryParse(targetHost, out var parsed)
            ? parsed
            : Dns.GetHostAddresses(targetHost).OrderBy(a => a.AddressFamily != AddressFamily.InterNetwork).First();
        var proxy = new TcpProxy(new IPEndPoint(address, targetPort));
        lock (proxy._gate)
        {
            proxy.Listen(port: 0);
        }

        return proxy;
    }

    /// <summary>
    /// Stops listening and resets every open connection, so clients see their connection dropped and their
    /// reconnects refused until <see cref="Resume"/>. Returns once no forwarding work is left running.
    /// </summary>
    public async Task CutAsync()
    {
        Socket? listener;
        Task acceptLoop;
        Connection[] connections;
        lock (_gate)
        {
            listener = _listener;
            _listener = null;
            acceptLoop = _acceptLoop;
            connections = [.. _connections];
        }

        listener?.Dispose();
        foreach (var connection in connections)
        {
            connection.Abort();
        }

        await acceptLoop;
        await Task.WhenAll(connections.Select(connection => connection.Completion));
    }

    /// <summary>Listens again on the same <see cref="Port"/>; does nothing if the proxy is not cut.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_listener is null)
            {
                Listen(Port);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        await CutAsync();
    }

    // Called under _gate.
    private void Listen(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Lets the port be bound again while earlier connections through it linger in TIME_WAIT.
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen(Backlog);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener));
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            var connection = new Connection(client, new Socket(_target.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
            lock (_gate)
            {
                // Accepted just as the proxy was cut: the client must see the cut, not a working connection.
                if (!ReferenceEquals(_listener, listener))
                {
                    connection.Abort();
                    continue;
                }

                _connections.Add(connection);
                connection.Completion = Task.Run(() => ForwardAsync(connection));
            }
        }
    }

    private async Task ForwardAsync(Connection connection)
    {
        try
        {
            await connection.Upstream.ConnectAsync(_target);
            connection.Upstream.NoDelay = true;
            await Task.WhenAll(
                PumpAsync(connection, connection.Client, connection.Upstream),
                PumpAsync(connection, connection.Upstream, connection.Client));
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            connection.Abort();
        }
        finally
        {
            connection.Client.Dispose();
            connection.Upstream.Dispose();
            lock (_gate)
            {
                _connections.Remove(connection);
            }
        }
    }

    private static async Task PumpAsync(Connection connection, Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    // Pass the half-close on; the other direction may still have data to deliver.
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None);
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // One side failed: reset the other too, as a real network failure would look to it.
            connection.Abort();
        }
    }

    private sealed class Connection(Socket client, Socket upstream)
    {
        private int _aborted;

        public Socket Client { get; } = client;

        public Socket Upstream { get; } = upstream;

        public Task Completion { get; set; } = Task.CompletedTask;

        public void Abort()
        {
            if (Interlocked.Exchange(ref _aborted, 1) != 0)
            {
                return;
            }

            Reset(Client);
            Reset(Upstream);
        }

        // Linger 0 makes close send RST instead of FIN: the peer sees "connection reset", not a clean goodbye.
        private static void Reset(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // Not connected yet or already closed: disposing is all that is left to do.
            }

            socket.Dispose();
        }
    }
}
