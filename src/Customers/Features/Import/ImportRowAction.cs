namespace CustomerPlatform.Customers.Features.Import;

/// <summary>What an import does (or, in a dry run, would do) with a row.</summary>
public enum ImportRowAction
{
    Create,
    Update,
    Skip,
    Error,
}
