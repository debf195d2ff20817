using CustomerPlatform.ServiceDefaults.Security;
using CustomerPlatform.Standards.Features.Acknowledgements;
using CustomerPlatform.Standards.Features.Charter;
using CustomerPlatform.Standards.Features.ComplaintClocks;
using CustomerPlatform.Standards.Features.Compliance;
using CustomerPlatform.Standards.Features.GetScorecard;
using CustomerPlatform.Standards.Features.MeasurableStandards;
using CustomerPlatform.Standards.Features.Policies;
using CustomerPlatform.Standards.Features.Privacy;
using CustomerPlatform.Standards.Features.ServicePeriods;
using CustomerPlatform.Standards.Features.Reviews;
using CustomerPlatform.Standards.Features.Staff;
using CustomerPlatform.Standards.Features.Training;

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
        standards.MapPolicies();
        standards.MapStaff();
        standards.MapAcknowledgements();
        standards.MapTrainingRecords();
        standards.MapCharter();
        standards.MapListBreaches();
        standards.MapServicePeriods();
        standards.MapReviews();
        app.MapCharterPage();
        return app;
    }
}
