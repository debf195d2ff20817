using CustomerPlatform.Standards.Features.Compliance;
using CustomerPlatform.Standards.Features.GetScorecard;
using CustomerPlatform.Standards.Features.MeasurableStandards;
using CustomerPlatform.Standards.Features.Privacy;
using CustomerPlatform.ServiceDefaults.Security;

namespace CustomerPlatform.Standards;

public static class StandardsEndpoints
{
    public static WebApplication MapStandardsEndpoints(this WebApplication app)
    {
        var standards = app.MapGroup("/api/v1/standards").WithTags("Standards").RequireServiceScopes("standards");
        standards.MapGetScorecard();
        standards.MapStandardsPersonalData();
        standards.MapMeasurableStandards();
        standards.MapCompliance();
        return app;
    }
}
