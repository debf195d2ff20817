using CustomerPlatform.ServiceDefaults.Persistence;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// One word that appears in the name of at least one of a business's customers: the dictionary fuzzy search looks a
/// typed word up in (see <c>CustomerSearch</c>). Written only by the database's triggers on <c>customers</c>, which add
/// the words of new and renamed customers and remove a word no customer has any more (a rename, an erasure).
/// </summary>
public sealed class CustomerNameTerm : ITenantOwned
{
    private CustomerNameTerm()
    {
    }

    public Guid TenantId { get; private init; }
    public string Term { get; private init; } = "";
}
