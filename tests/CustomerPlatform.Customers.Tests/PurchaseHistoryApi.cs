using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerPlatform.TestSupport;
using Xunit;

namespace CustomerPlatform.Customers.Tests;

/// <summary>Paths and calls the purchase, refund and visit tests repeat.</summary>
internal static class PurchaseHistoryApi
{
    public static string PurchasesPath(Guid customerId) => $"{CustomersApi.CustomersPath}/{customerId}/purchases";

    public static string RefundsPath(Guid customerId, Guid purchaseId) => $"{PurchasesPath(customerId)}/{purchaseId}/refunds";

    public static string VisitsPath(Guid customerId) => $"{CustomersApi.CustomersPath}/{customerId}/visits";

    /// <summary>Records a purchase and returns its id, failing the test unless it was created.</summary>
    public static async Task<Guid> RecordPurchaseAsync(HttpClient client, Guid customerId, object body)
    {
        using var response = await client.PostAsJsonAsync(PurchasesPath(customerId), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Recording a purchase failed with {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// How many events with the wire name <paramref name="messageType"/> the tenant's outbox holds (published or not);
    /// the row is written in the request's transaction, so the count is exact once the response is in.
    /// </summary>
    public static Task<long> CountEventsAsync(PostgresDatabase database, Guid tenantId, string messageType) =>
        database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND message_type = @type",
            ("tenant", tenantId),
            ("type", $"urn:message:{messageType}"));

    /// <summary>Whether a page says it is the last: no <c>nextCursor</c> (nulls are left out of responses).</summary>
    public static bool IsLastPage(JsonElement page) =>
        !page.TryGetProperty("nextCursor", out var cursor) || cursor.ValueKind == JsonValueKind.Null;

    /// <summary>MassTransit writes decimals as JSON strings; the HTTP API as numbers.</summary>
    public static decimal EventDecimal(ObservedEvent observed, string property) =>
        decimal.Parse(observed.GetString(property)!, CultureInfo.InvariantCulture);
}
