using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Bench;

/// <summary>
/// A large customer base for one business, written straight into Customers' table with binary COPY (as an import
/// would), with names, e-mails and phones the search scenario can derive again from a customer's number alone.
/// </summary>
public static class CustomerBase
{
    private static readonly string[] GivenNames =
    [
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "David", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa",
        "Anthony", "Betty", "Mark", "Margaret", "Donald", "Sandra", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily",
        "Joshua", "Donna", "Kenneth", "Michelle", "Kevin", "Dorothy", "Brian", "Carol", "George", "Amanda", "Edward", "Melissa",
        "Ronald", "Deborah", "Timothy", "Stephanie", "Jason", "Rebecca", "Jeffrey", "Sharon", "Ryan", "Laura", "Jacob", "Cynthia",
        "Gary", "Kathleen", "Nicholas", "Amy", "Eric", "Shirley", "Jonathan", "Angela", "Stephen", "Helen", "Larry", "Anna",
    ];

    private static readonly string[] Syllables =
    [
        "al", "ber", "cor", "dan", "el", "fen", "gar", "hol", "in", "jor", "kel", "lan", "mor", "nor", "ol", "per", "quin",
        "ros", "sten", "tor", "ul", "ver", "wes", "yar", "zel", "bright", "cliff", "dale", "field", "ford", "gate", "ham",
        "ley", "mont", "ridge", "shaw", "ton", "well", "wood", "worth",
    ];

    /// <summary>Customer number <paramref name="n"/>'s given and family name: about 115,000 family names, so most full names are unique.</summary>
    public static (string Given, string Family) NameOf(int n)
    {
        var given = GivenNames[n % GivenNames.Length];
        var rest = n / GivenNames.Length;
        var family = Syllables[rest % Syllables.Length] + Syllables[rest / Syllables.Length % Syllables.Length]
            + Syllables[rest / (Syllables.Length * Syllables.Length) % Syllables.Length];
        return (given, char.ToUpperInvariant(family[0]) + family[1..]);
    }

    public static string EmailOf(int n) => string.Create(CultureInfo.InvariantCulture, $"customer.{n}@bench.example");

    /// <summary>E.164 as stored; the scenario searches with it written another way.</summary>
    public static string PhoneOf(int n) => string.Create(CultureInfo.InvariantCulture, $"+4477{n:D8}");

    /// <summary>
    /// Copies <paramref name="count"/> customers of <paramref name="tenantId"/> in. Secondary indexes are dropped for
    /// the copy and rebuilt after (from their own definitions), as a bulk load should; then the table is analysed.
    /// </summary>
    public static async Task SeedAsync(string connectionString, Guid tenantId, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customers' AND indexname <> 'pk_customers'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await Execute(connection, $"DROP INDEX {name}");
        }

        var start = DateTimeOffset.UtcNow.AddYears(-3);
        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY customers (id, tenant_id, kind, display_name, given_name, family_name, emails, phones, tags, attributes, status,
                            source, consent, registered_at, updated_at, verified_at, home_branch)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            string[] branches = ["central", "north", "south", "east", "west"];
            for (var n = 0; n < count; n++)
            {
                var (given, family) = NameOf(n);
                var registered = start.AddSeconds(n * 90.0);
                await importer.StartRowAsync();
                await importer.WriteAsync(Guid.CreateVersion7(registered), NpgsqlDbType.Uuid);
                await importer.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                await importer.WriteAsync("Individual", NpgsqlDbType.Varchar);
                await importer.WriteAsync($"{given} {family}", NpgsqlDbType.Varchar);
                await importer.WriteAsync(given, NpgsqlDbType.Varchar);
                await importer.WriteAsync(family, NpgsqlDbType.Varchar);
                await importer.WriteAsync(new[] { EmailOf(n) }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await importer.WriteAsync(new[] { PhoneOf(n) }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await importer.WriteAsync(n % 10 == 0 ? new[] { "vip" } : [], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await importer.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await importer.WriteAsync(n % 3 == 0 ? "Prospect" : "Active", NpgsqlDbType.Varchar);
                await importer.WriteAsync("Import", NpgsqlDbType.Varchar);
                await importer.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await importer.WriteAsync(registered, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(registered, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(registered, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(branches[n % branches.Length], NpgsqlDbType.Varchar);
            }

            await importer.CompleteAsync();
        }

        foreach (var (_, definition) in indexes)
        {
            await Execute(connection, definition);
        }

        await Execute(connection, "ANALYZE customers");
    }

    /// <summary>Copies <paramref name="count"/> interactions of one customer in, a few minutes apart, for the timeline scenario.</summary>
    public static async Task SeedTimelineAsync(string connectionString, Guid tenantId, Guid customerId, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-count / 100.0);
        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY interactions (id, tenant_id, customer_id, channel, purpose, topics, summary, staff_member, branch, occurred_at, recorded_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            string[] channels = ["InPerson", "Phone", "Email", "Web"];
            for (var n = 0; n < count; n++)
            {
                var at = start.AddMinutes(n * 14.4);
                await importer.StartRowAsync();
                await importer.WriteAsync(Guid.CreateVersion7(at), NpgsqlDbType.Uuid);
                await importer.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(customerId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(channels[n % channels.Length], NpgsqlDbType.Varchar);
                await importer.WriteAsync("Enquiry", NpgsqlDbType.Varchar);
                await importer.WriteAsync(new[] { "opening hours" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await importer.WriteAsync($"Contact number {n}", NpgsqlDbType.Varchar);
                await importer.WriteAsync("Sam", NpgsqlDbType.Varchar);
                await importer.WriteAsync("central", NpgsqlDbType.Varchar);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz);
            }

            await importer.CompleteAsync();
        }

        await Execute(connection, "ANALYZE interactions");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
