using CustomerPlatform.Customers.Domain;
using CustomerPlatform.Customers.Infrastructure;
using CustomerPlatform.ServiceDefaults.Problems;
using CustomerPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerPlatform.Customers.Features.Attributes;

/// <summary>Defines a custom attribute.</summary>
/// <param name="Type"><c>text</c>, <c>number</c>, <c>boolean</c> or <c>date</c>; fixed once defined.</param>
/// <param name="Label">How people see it, e.g. "Shoe size".</param>
public sealed record DefineAttributeRequest(CustomAttributeType? Type, string? Label);

/// <summary>A custom attribute definition.</summary>
public sealed record AttributeDefinitionResponse(string Key, CustomAttributeType Type, string Label, DateTimeOffset DefinedAt)
{
    public static AttributeDefinitionResponse From(CustomAttributeDefinition definition) =>
        new(definition.Key, definition.Type, definition.Label, definition.DefinedAt);
}

/// <summary>The business's custom attributes.</summary>
public sealed record AttributeDefinitionListResponse(IReadOnlyList<AttributeDefinitionResponse> Items);

/// <summary>
/// The custom attributes a business keeps on its customers. <c>PUT</c> defines one or relabels it; its type never
/// changes, since customers' stored values and segment rules depend on it.
/// </summary>
public static class ManageAttributes
{
    public const int MaxDefinitions = 200;

    public static void MapAttributes(this RouteGroupBuilder group)
    {
        group.MapGet("/attributes", ListAsync).WithName("ListCustomAttributes");
        group.MapPut("/attributes/{key}", DefineAsync).WithName("DefineCustomAttribute");
    }

    public static async Task<Ok<AttributeDefinitionListResponse>> ListAsync(CustomersDbContext db, CancellationToken cancellationToken)
    {
        var definitions = await db.AttributeDefinitions.AsNoTracking().OrderBy(definition => definition.Key).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AttributeDefinitionListResponse([.. definitions.Select(AttributeDefinitionResponse.From)]));
    }

    public static async Task<Results<Ok<AttributeDefinitionResponse>, Created<AttributeDefinitionResponse>, ValidationProblem, ProblemHttpResult>> DefineAsync(
        string key, DefineAttributeRequest request, CustomersDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CustomAttributeDefinition.IsValidKey(key))
        {
            errors["key"] = ["A key of 1 to 50 letters, digits or '_', starting with a letter, e.g. shoeSize."];
        }

        if (request.Type is null)
        {
            errors["type"] = ["A type is required: text, number, boolean or date."];
        }

        if (string.IsNullOrWhiteSpace(request.Label) || request.Label.Trim().Length > 100)
        {
            errors["label"] = ["A label of 1 to 100 characters is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var existing = await db.AttributeDefinitions.FirstOrDefaultAsync(definition => definition.Key == key, cancellationToken);
        if (existing is not null)
        {
            if (existing.Type != request.Type)
            {
                return ProblemDetailsSetup.Problem(
                    StatusCodes.Status409Conflict,
                    $"Attribute '{key}' is a {existing.Type.ToString().ToLowerInvariant()} attribute; its type cannot change.",
                    "Define a new attribute with another key instead.",
                    ProblemTypes.For("attribute-type-fixed"));
            }

            if (existing.Relabel(request.Label!))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return TypedResults.Ok(AttributeDefinitionResponse.From(existing));
        }

        if (await db.AttributeDefinitions.CountAsync(cancellationToken) >= MaxDefinitions)
        {
            throw new DomainException("too-many-attributes", $"A business defines at most {MaxDefinitions} custom attributes.");
        }

        var definition = CustomAttributeDefinition.Define(tenant.TenantId, key, request.Type!.Value, request.Label!, clock.GetUtcNow());
        db.AttributeDefinitions.Add(definition);
        // Two first definitions of one key racing meet the primary key: the loser is a 409.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/customers/attributes/{key}", AttributeDefinitionResponse.From(definition));
    }
}
