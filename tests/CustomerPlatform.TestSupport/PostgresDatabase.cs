using System.Globalization;
using Npgsql;
using Xunit;

namespace CustomerPlatform.TestSupport;

/// <summary>
/// A private database per test class on the shared server, so classes run in parallel without seeing each
/// other's rows; dropped afterwards even while the app under test still holds connections.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public PostgresDatabase()
    {
        Name = $"cp_test_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresAdminConnectionString)
        {
            Database = Name,
            // Many classes run at once against one server; keep each database's share of max_connections small.
            MaxPoolSize = 10,
        }.ConnectionString;
    }

    /// <summary>The database's name, <c>cp_test_</c> and 32 hex digits.</summary>
    public string Name { get; }

    /// <summary>Connection string for the app under test and for assertions.</summary>
    public string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var connection = await OpenMaintenanceConnectionAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
        await command.ExecuteNonQueryAsync();
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        // xunit disposes a fixture whose InitializeAsync failed; a second error would only hide the first.
        if (_dataSource is null)
        {
            return;
        }

        await _dataSource.DisposeAsync();

        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        // FORCE terminates whatever the app under test still has open (its own pools are not ours to clear). It may
        // not terminate an autovacuum worker that happens to be in the new database (a superuser process: 42501),
        // so a refusal is retried until the worker has moved on: up to a minute, since after the bench's million-row
        // copy an autovacuum can take that long.
        await using var connection = await OpenMaintenanceConnectionAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 240)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    /// <summary>Drops the pooled connections, e.g. after the server restarted and closed them all.</summary>
    public void ClearPool() => _dataSource?.Clear();

    /// <summary>
    /// Runs a query and returns the first column of the first row, or default when there is no row or it is NULL.
    /// Parameters are referenced as <c>@name</c>.
    /// </summary>
    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters);
        var result = await command.ExecuteScalarAsync();
        if (result is null or DBNull)
        {
            return default;
        }

        if (result is T typed)
        {
            return typed;
        }

        // count(*) is bigint, sum() numeric: let a test ask for the type it compares with.
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(result, target, CultureInfo.InvariantCulture);
    }

    /// <summary>How many rows of <paramref name="table"/> belong to the tenant (by its <c>tenant_id</c> column).</summary>
    public Task<long> CountForTenantAsync(string table, Guid tenantId) =>
        ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @tenant", ("tenant", tenantId));

    /// <summary>Runs a statement (to arrange state the API cannot reach) and returns the rows affected.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = CreateCommand(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand CreateCommand(string sql, (string Name, object? Value)[] parameters)
    {
        var dataSource = _dataSource
            ?? throw new InvalidOperationException($"{nameof(PostgresDatabase)} is used before InitializeAsync.");
        var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceConnectionAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresAdminConnectionString)
        {
            Database = "postgres",
            Pooling = false,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"Could not connect to PostgreSQL at {builder.Host}:{builder.Port} as '{builder.Username}' " +
                $"({exception.Message}). Start it with 'eng/infra.sh up' or point CP_TEST_POSTGRES at a server.",
                exception);
        }
    }
}
