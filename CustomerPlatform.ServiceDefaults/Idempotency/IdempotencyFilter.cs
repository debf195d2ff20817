using System.Security.Cryptography;
using System.Text.Json;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerPlatform.ServiceDefaults.Idempotency;

/// <summary>
/// Makes a creating POST idempotent under an <c>Idempotency-Key</c> header. The handler runs inside a
/// transaction; its response is stored with the key before commit, so the effect and the record land together.
/// A replay returns the stored response; the same key with another body or route is a 422.
/// </summary>
public sealed class IdempotencyFilter<TContext>(TContext db, TenantContext tenant, TimeProvider clock, IOptions<JsonOptions> json)
    : IEndpointFilter
    where TContext : ServiceDbContext
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[IdempotencyFilter.HeaderName].ToString();
        if (key.Length == 0)
        {
            return await next(context);
        }

        if (key.Length > IdempotencyFilter.MaxKeyLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [IdempotencyFilter.HeaderName] = [$"At most {IdempotencyFilter.MaxKeyLength} characters."] },
                type: ProblemTypes.Validation);
        }

        var operation = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}";
        var requestHash = await HashRequestAsync(http.Request);
        var stored = await FindAsync(key, http.RequestAborted);
        if (stored is not null)
        {
            return Replay(stored, operation, requestHash);
        }

        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                // A retried attempt starts clean: nothing the failed attempt tracked may be saved twice.
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
                var result = await next(context);
                var record = Capture(result, http, key, operation, requestHash);
                if (record is not null)
                {
                    db.Add(record);
                    await db.SaveChangesAsync(http.RequestAborted);
                }

                await transaction.CommitAsync(http.RequestAborted);
                return result;
            });
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                                                  && unique.TableName == "idempotency_records")
        {
            // The same key raced in from another request and committed first: its effect stands, ours rolled back.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(key, http.RequestAborted)
                ?? throw new InvalidOperationException("An idempotency record vanished after a unique violation.", exception);
            return Replay(winner, operation, requestHash);
        }
    }

    private Task<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(record => record.Key == key, cancellationToken);

    private static object Replay(IdempotencyRecord stored, string operation, byte[] requestHash)
    {
        if (stored.Operation != operation || !CryptographicOperations.FixedTimeEquals(stored.RequestHash, requestHash))
        {
            return ProblemDetailsSetup.Problem(
                StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was already used for a different request.",
                "Use a new key for a new request; a key may only be replayed with the identical request.",
                ProblemTypes.IdempotencyKeyReused);
        }

        return new StoredResponseResult(stored);
    }

    private IdempotencyRecord? Capture(object? result, HttpContext http, string key, string operation, byte[] requestHash)
    {
        if (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        if (result is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } withStatus)
        {
            return null;
        }

        var value = (result as IValueHttpResult)?.Value;
        if (value is IShownOnce shownOnce)
        {
            value = shownOnce.WithoutSecrets();
        }

        return new IdempotencyRecord
        {
            TenantId = tenant.TenantId,
            Key = key,
            Operation = operation,
            RequestHash = requestHash,
            StatusCode = withStatus.StatusCode!.Value,
            // Created<T> and Accepted<T> expose Location without a shared interface.
            Location = result.GetType().GetProperty("Location")?.GetValue(result) as string,
            ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            ResponseBody = value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions),
            CreatedAt = clock.GetUtcNow(),
        };
    }

    private static async Task<byte[]> HashRequestAsync(HttpRequest request)
    {
        // The body was buffered by UseServiceDefaults for requests that carry the header, and read once by binding.
        request.Body.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return sha.GetHashAndReset();
    }

    private sealed class StoredResponseResult(IdempotencyRecord stored) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = stored.StatusCode;
            response.Headers[IdempotencyFilter.ReplayedHeaderName] = "true";
            if (stored.Location is not null)
            {
                response.Headers.Location = stored.Location;
            }

            if (stored.ETag is not null)
            {
                response.Headers.ETag = stored.ETag;
            }

            if (stored.ResponseBody is not null)
            {
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(stored.ResponseBody, httpContext.RequestAborted);
            }
        }
    }
}

/// <summary>Wires <see cref="IdempotencyFilter{TContext}"/> onto an endpoint.</summary>
public static class IdempotencyFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>Makes a creating endpoint idempotent under the <c>Idempotency-Key</c> header.</summary>
    public static RouteHandlerBuilder WithIdempotency<TContext>(this RouteHandlerBuilder builder)
        where TContext : ServiceDbContext =>
        builder.AddEndpointFilter<IdempotencyFilter<TContext>>();

    /// <summary>Buffers the body of requests that carry the header, so the filter can hash exactly what was sent.</summary>
    internal static WebApplication UseIdempotencyBuffering(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(HeaderName))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });
        return app;
    }
}
