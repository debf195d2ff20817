using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Standards.Domain.Measurable;

/// <summary>
/// A measurable standard: a metric from <see cref="MetricCatalogue"/> held to a target, in some or all branches,
/// versioned: a change of terms is a new <see cref="ServiceStandardVersion"/>, the earlier ones kept.
/// </summary>
public sealed class ServiceStandard : ITenantOwned
{
    public const int MaxNameLength = 200;

    private ServiceStandard()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public string Name { get; private set; } = "";

    /// <summary>A <see cref="MetricDefinition.Code"/>; fixed for the standard's life (another metric is another standard).</summary>
    public string Metric { get; private init; } = "";

    public StandardStatus Status { get; private set; }

    /// <summary>The number of the version whose terms are <see cref="Terms"/>.</summary>
    public int CurrentVersion { get; private set; }

    public StandardTerms Terms { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Row version (xmin), the ETag.</summary>
    public uint Version { get; private set; }

    public List<ServiceStandardVersion> Versions { get; private init; } = [];

    /// <summary>Whether it feeds the complaint deadlines Feedback stamps: active, on a complaint time, in every branch.</summary>
    public bool SetsComplaintTargets =>
        Status == StandardStatus.Active && MetricCatalogue.Find(Metric) is { IsComplaintTime: true } && Terms.AppliesToAllBranches;

    /// <param name="terms">Terms the caller has checked against the metric's catalogue entry.</param>
    public static ServiceStandard Create(Guid tenantId, string name, MetricDefinition metric, StandardTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var standard = new ServiceStandard
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = name.Trim(),
            Metric = metric.Code,
            Status = StandardStatus.Active,
            CurrentVersion = 1,
            Terms = terms,
            CreatedAt = now,
            UpdatedAt = now,
        };
        standard.Versions.Add(ServiceStandardVersion.Of(standard, now));
        return standard;
    }

    /// <summary>
    /// Renames it and, when the terms differ, makes them a new version. A 409 <c>standard-retired</c> once retired.
    /// </summary>
    /// <returns>The new version; null when the terms were unchanged.</returns>
    public ServiceStandardVersion? Change(string name, StandardTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        EnsureActive();
        var renamed = !string.Equals(Name, name.Trim(), StringComparison.Ordinal);
        Name = name.Trim();
        if (Terms.SameAs(terms))
        {
            if (renamed)
            {
                UpdatedAt = now;
            }

            return null;
        }

        Terms = terms;
        CurrentVersion++;
        UpdatedAt = now;
        var version = ServiceStandardVersion.Of(this, now);
        Versions.Add(version);
        return version;
    }

    /// <summary>Stops holding the business to it; a 409 <c>standard-retired</c> when it already is.</summary>
    public void Retire(DateTimeOffset now)
    {
        EnsureActive();
        Status = StandardStatus.Retired;
        RetiredAt = now;
        UpdatedAt = now;
    }

    private void EnsureActive()
    {
        if (Status == StandardStatus.Retired)
        {
            throw new DomainException("standard-retired", "The standard is retired: it can no longer change.", DomainErrorKind.Conflict);
        }
    }
}
