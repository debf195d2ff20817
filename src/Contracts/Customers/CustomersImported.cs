using MassTransit;

namespace CustomerPlatform.Contracts.Customers;

/// <summary>
/// Published by Customers when a CSV import job has finished: how many rows it read and what became of them.
/// Each customer it created or changed also has its own <see cref="CustomerRegistered"/> or <see cref="CustomerUpdated"/>.
/// </summary>
[MessageUrn("customers.customers-imported.v1")]
[EntityName("customers.customers-imported.v1")]
public sealed record CustomersImported : IIntegrationEvent
{
    /// <inheritdoc />
    public required Guid TenantId { get; init; }

    /// <summary>The import job's id (<c>GET /api/v1/customers/imports/{id}</c>).</summary>
    public required Guid ImportId { get; init; }

    /// <summary>Data rows in the file.</summary>
    public required int Total { get; init; }

    /// <summary>Customers created.</summary>
    public required int Created { get; init; }

    /// <summary>Customers updated.</summary>
    public required int Updated { get; init; }

    /// <summary>Rows left alone (already there, unknown in an update-only import, or nothing changed).</summary>
    public required int Skipped { get; init; }

    /// <summary>Rows refused with errors (see the job's <c>errors.csv</c>).</summary>
    public required int Failed { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
}
