using CustomerPlatform.Standards.Features.GetScorecard;

namespace CustomerPlatform.Standards;

public static class StandardsEndpoints
{
    public static WebApplication MapStandardsEndpoints(this WebApplication app)
    {
        var standards = app.MapGroup("/api/v1/standards").WithTags("Standards");
        standards.MapGetScorecard();
        return app;
    }
}
