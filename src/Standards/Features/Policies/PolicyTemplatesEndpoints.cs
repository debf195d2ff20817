using CustomerPlatform.Standards.Domain.Policies;

namespace CustomerPlatform.Standards.Features.Policies;

/// <summary>The shipped starting templates, listed whole.</summary>
public sealed record PolicyTemplateListResponse(IReadOnlyList<PolicyTemplate> Items);

public static class PolicyTemplatesEndpoints
{
    public static void MapPolicyTemplates(this RouteGroupBuilder standards) =>
        standards.MapGroup("/policy-templates").WithTags("Policies")
            .MapGet("", () => TypedResults.Ok(new PolicyTemplateListResponse(PolicyTemplates.All)))
            .WithName("ListPolicyTemplates")
            .WithDescription("The templates a business can start a policy from (POST /policies/from-template makes an editable draft).");
}
