using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPlatform.Bench;

/// <summary>
/// 5. A CSV import of generated customers through the gateway (real HTTP, the real job: parse, check every row by the
/// API's rules, binary COPY into staging, match by e-mail, set-based insert, one outbox row per customer), timed from
/// the POST to the job reading <c>completed</c>; against raw Npgsql binary COPY of the same rows into a plain table
/// with the customers table's columns (no indexes, no checks, no events), in the same run.
/// </summary>
public sealed class ImportScenario(PlatformProcesses platform, BenchSettings settings, Report report, Guid tenantId, string apiKey)
{
    private static readonly string[] Branches = ["central", "north", "south", "east", "west"];

    public async Task RunAsync()
    {
        var rows = settings.ImportRows;
        Console.WriteLine($"bench: import of {rows:#,0} rows, raw binary COPY baseline");
        var baseline = await CopyBaselineAsync(rows);
        Console.WriteLine($"bench: import of {rows:#,0} rows through the gateway");
        var (import, job) = await ImportAsync(rows);
        Console.WriteLine($"bench: import job {job}");
        report.Add($"CSV import, {rows:#,0} rows (POST → job completed)", "1 file, rows/s", import, "raw binary COPY, same rows", baseline,
            $"{import.PerSecond / baseline.PerSecond:0.00}× rows/s");
    }

    private async Task<(Measurement Result, string Job)> ImportAsync(int rows)
    {
        var csv = Csv(rows);
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var gateway = platform.Gateway.BaseAddress;
        var timer = Stopwatch.StartNew();
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await client.PostAsync(new Uri(gateway, "/api/v1/customers/imports?mode=create&matchOn=email&fileName=bench.csv"), content);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Starting the import gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var location = new Uri(gateway, response.Headers.Location!);
        while (true)
        {
            using var poll = await client.GetAsync(location);
            var body = await poll.Content.ReadAsStringAsync();
            using var job = JsonDocument.Parse(body);
            var status = job.RootElement.GetProperty("status").GetString();
            if (status is "completed" or "failed")
            {
                var elapsed = timer.Elapsed;
                var created = job.RootElement.GetProperty("created").GetInt32();
                var failed = status == "failed" ? rows : rows - created;
                var ms = elapsed.TotalMilliseconds;
                return (new Measurement(created / elapsed.TotalSeconds, ms, ms, ms, created, failed), body);
            }

            if (timer.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"The import did not finish in 10 minutes: {body}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<Measurement> CopyBaselineAsync(int rows)
    {
        await using var connection = new NpgsqlConnection(platform.Database("customersdb").ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE bench_copy_baseline (LIKE customers INCLUDING DEFAULTS)");
        try
        {
            var now = DateTimeOffset.UtcNow;
            var timer = Stopwatch.StartNew();
            await using (var importer = await connection.BeginBinaryImportAsync(
                """
                COPY bench_copy_baseline (id, tenant_id, kind, display_name, given_name, family_name, emails, phones, address, home_branch,
                    date_of_birth, tags, attributes, external_id, preferred_language, status, source, consent, registered_at, updated_at, verified_at)
                FROM STDIN (FORMAT BINARY)
                """))
            {
                for (var n = 0; n < rows; n++)
                {
                    var row = Row(n);
                    importer.StartRow();
                    importer.Write(Guid.CreateVersion7(now), NpgsqlDbType.Uuid);
                    importer.Write(tenantId, NpgsqlDbType.Uuid);
                    importer.Write("Individual", NpgsqlDbType.Text);
                    importer.Write($"{row.Given} {row.Family}", NpgsqlDbType.Text);
                    importer.Write(row.Given, NpgsqlDbType.Text);
                    importer.Write(row.Family, NpgsqlDbType.Text);
                    importer.Write(new[] { row.Email }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    importer.Write(new[] { row.Phone }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    importer.Write(JsonSerializer.Serialize(new { line1 = row.Street, line2 = (string?)null, city = row.City, region = (string?)null, postalCode = (string?)null, country = "GB" }), NpgsqlDbType.Jsonb);
                    importer.Write(row.Branch, NpgsqlDbType.Text);
                    importer.Write(row.Born, NpgsqlDbType.Date);
                    importer.Write(row.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    importer.Write("{}", NpgsqlDbType.Jsonb);
                    importer.Write(row.ExternalId, NpgsqlDbType.Text);
                    importer.Write("en-GB", NpgsqlDbType.Text);
                    importer.Write("Prospect", NpgsqlDbType.Text);
                    importer.Write("Import", NpgsqlDbType.Text);
                    importer.Write("{}", NpgsqlDbType.Jsonb);
                    importer.Write(now, NpgsqlDbType.TimestampTz);
                    importer.Write(now, NpgsqlDbType.TimestampTz);
                    importer.Write(now, NpgsqlDbType.TimestampTz);
                }

                await importer.CompleteAsync();
            }

            var elapsed = timer.Elapsed;
            var ms = elapsed.TotalMilliseconds;
            return new Measurement(rows / elapsed.TotalSeconds, ms, ms, ms, rows, 0);
        }
        finally
        {
            await Execute(connection, "DROP TABLE bench_copy_baseline");
        }
    }

    private static byte[] Csv(int rows)
    {
        var csv = new StringBuilder(rows * 160);
        csv.Append("givenName,familyName,email,phone,address.line1,address.city,address.country,homeBranch,dateOfBirth,tags,externalId,preferredLanguage\n");
        for (var n = 0; n < rows; n++)
        {
            var row = Row(n);
            csv.Append(CultureInfo.InvariantCulture,
                $"{row.Given},{row.Family},{row.Email},{row.Phone},\"{row.Street}\",{row.City},GB,{row.Branch},{row.Born:yyyy-MM-dd},{string.Join(';', row.Tags)},{row.ExternalId},en-GB\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static (string Given, string Family, string Email, string Phone, string Street, string City, string Branch, DateOnly Born, string[] Tags, string ExternalId) Row(int n)
    {
        var (given, family) = CustomerBase.NameOf(n);
        return (
            given,
            family,
            string.Create(CultureInfo.InvariantCulture, $"import.{n}@bench.example"),
            string.Create(CultureInfo.InvariantCulture, $"+4478{n:D8}"),
            string.Create(CultureInfo.InvariantCulture, $"{1 + (n % 200)} High Street, Flat {n % 7}"),
            n % 2 == 0 ? "London" : "Leeds",
            Branches[n % Branches.Length],
            new DateOnly(1950 + (n % 50), 1 + (n % 12), 1 + (n % 28)),
            n % 10 == 0 ? ["vip", "newsletter"] : ["newsletter"],
            string.Create(CultureInfo.InvariantCulture, $"POS-{n:D7}"));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
