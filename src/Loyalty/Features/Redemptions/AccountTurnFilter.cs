namespace CustomerPlatform.Loyalty.Features.Redemptions;

/// <summary>
/// Makes requests that post to one account take turns in this process before they take a database connection.
/// The account's row lock is what keeps the balance right (across replicas too); but a burst for one account would
/// otherwise hold every pooled connection blocked on that lock while the rest of the burst times out waiting for the
/// pool (a 503 for a request that should have had its 201 or its 422). Striped, so there is nothing to clean up; two
/// accounts sharing a stripe only wait a little for each other.
/// </summary>
internal sealed class AccountTurnFilter : IEndpointFilter
{
    private const int Stripes = 256;
    private static readonly SemaphoreSlim[] Turns = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.Request.RouteValues["customerId"]?.ToString(), out var customerId))
        {
            return await next(context);
        }

        var turn = Turns[(uint)customerId.GetHashCode() % Stripes];
        await turn.WaitAsync(http.RequestAborted);
        try
        {
            return await next(context);
        }
        finally
        {
            turn.Release();
        }
    }
}
