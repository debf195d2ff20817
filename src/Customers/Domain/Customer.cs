using System.Globalization;
using System.Text.Json;
using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.ServiceDefaults.Persistence;
using CustomerPlatform.ServiceDefaults.Problems;

namespace CustomerPlatform.Customers.Domain;

/// <summary>
/// A customer of one business: who they are and how to reach them (<see cref="CustomerDetails"/>, replaced as a whole
/// by an update), their current marketing consent (derived from the <see cref="ConsentRecord"/> history), and where they
/// stand (<see cref="Status"/>, archived or not).
/// </summary>
public sealed class Customer : ITenantOwned
{
    private Customer()
    {
    }

    public Guid Id { get; private init; }
    public Guid TenantId { get; private init; }
    public CustomerKind Kind { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string? GivenName { get; private set; }
    public string? FamilyName { get; private set; }
    public string? CompanyName { get; private set; }
    public string? ContactPerson { get; private set; }

    /// <summary>Normalised addresses, the primary one first; a plain array so one GIN index finds any of them.</summary>
    public List<string> Emails { get; private set; } = [];

    /// <summary>E.164 numbers, the primary one first.</summary>
    public List<string> Phones { get; private set; } = [];

    public PostalAddress? Address { get; private set; }
    public ContactChannel? PreferredChannel { get; private set; }
    public string? PreferredLanguage { get; private set; }
    public string? HomeBranch { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public string? SpecialNeeds { get; private set; }
    public string? AccessibilityNotes { get; private set; }
    public int? Rating { get; private set; }
    public string? RatingReason { get; private set; }
    public List<string> Tags { get; private set; } = [];
    public Dictionary<string, JsonElement> Attributes { get; private set; } = [];

    /// <summary>The customer's id in another system; unique in the business when present (imports match on it).</summary>
    public string? ExternalId { get; private set; }

    public LifecycleStatus Status { get; private set; }
    public CustomerSource Source { get; private init; }

    /// <summary>The customer of the same business who referred this one, named at registration; kept after that customer is erased.</summary>
    public Guid? ReferredByCustomerId { get; private init; }

    /// <summary>The current consent per channel: the latest record of each channel's history.</summary>
    public Dictionary<ContactChannel, ConsentState> Consent { get; private set; } = [];

    public DateTimeOffset RegisteredAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When someone last confirmed the details are current; drives the "not verified for N months" list.</summary>
    public DateTimeOffset VerifiedAt { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>The customer this one was merged into: archived for good, kept so old links resolve.</summary>
    public Guid? MergedInto { get; private set; }

    /// <summary>Row version (PostgreSQL xmin), exposed as the ETag.</summary>
    public uint Version { get; private set; }

    public string? PrimaryEmail => Emails.Count > 0 ? Emails[0] : null;
    public string? PrimaryPhone => Phones.Count > 0 ? Phones[0] : null;
    public bool IsArchived => ArchivedAt is not null;

    /// <summary>The birthday other services are told (<c>MM-dd</c>): month and day only, never the year.</summary>
    public string? Birthday => BirthdayOf(DateOfBirth);

    public static string? BirthdayOf(DateOnly? dateOfBirth) => dateOfBirth?.ToString("MM-dd", CultureInfo.InvariantCulture);

    public static Customer Register(Guid tenantId, CustomerDetails details, CustomerSource source, DateTimeOffset now, Guid? referredByCustomerId = null)
    {
        var customer = new Customer
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Status = LifecycleStatus.Prospect,
            Source = source,
            ReferredByCustomerId = referredByCustomerId,
            RegisteredAt = now,
            UpdatedAt = now,
            VerifiedAt = now,
        };
        customer.Apply(details);
        return customer;
    }

    /// <summary>Replaces the details; returns the JSON names of the fields that changed (none: nothing to save or publish).</summary>
    public IReadOnlyList<string> Update(CustomerDetails details, DateTimeOffset now)
    {
        EnsureChangeable();
        var changed = CurrentDetails().ChangedFields(details);
        if (changed.Count > 0)
        {
            Apply(details);
            UpdatedAt = now;
        }

        return changed;
    }

    /// <summary>
    /// Records a consent decision and moves the current state on when it is newer than what is known (a decision
    /// entered late, on paper, does not undo a later one). Returns whether the current state changed.
    /// </summary>
    public bool RecordConsent(ConsentRecord record)
    {
        EnsureChangeable();
        if (Consent.TryGetValue(record.Channel, out var current) && current.Since > record.OccurredAt)
        {
            return false;
        }

        var changed = current is null || current.Granted != record.Granted;
        Consent = new Dictionary<ContactChannel, ConsentState>(Consent) { [record.Channel] = new ConsentState(record.Granted, record.OccurredAt) };
        UpdatedAt = record.RecordedAt;
        return changed;
    }

    /// <summary>Confirms the details are current as of now.</summary>
    public void MarkVerified(DateTimeOffset now)
    {
        EnsureChangeable();
        VerifiedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Archives the customer; archiving an archived customer changes nothing (returns false).</summary>
    public bool Archive(DateTimeOffset now)
    {
        if (IsArchived)
        {
            return false;
        }

        ArchivedAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Brings an archived customer back; a customer who is not archived is left alone (returns false).</summary>
    public bool Restore(DateTimeOffset now)
    {
        EnsureNotMerged();
        if (!IsArchived)
        {
            return false;
        }

        ArchivedAt = null;
        UpdatedAt = now;
        return true;
    }

    /// <summary>The display name an erased customer keeps, so lists and histories still read sensibly.</summary>
    public const string ErasedDisplayName = "Erased customer";

    /// <summary>
    /// Anonymises the record for good: everything that names, reaches or describes the person is dropped, the ids,
    /// kind, home branch (a business fact, used by reports) and dates stay. Returns false when already erased.
    /// </summary>
    public bool Erase(DateTimeOffset now)
    {
        if (Status == LifecycleStatus.Erased)
        {
            return false;
        }

        Apply(new CustomerDetails(
            Kind, ErasedDisplayName, null, null, null, null, [], [], null, null, null, HomeBranch, null, null, null, null, null, [], new Dictionary<string, JsonElement>()));
        Consent = [];
        Status = LifecycleStatus.Erased;
        UpdatedAt = now;
        return true;
    }

    /// <summary>An active customer who has not bought for a long time (the sweep decides how long) is lapsed; returns whether they were.</summary>
    public bool MarkLapsed(DateTimeOffset now)
    {
        if (Status != LifecycleStatus.Active)
        {
            return false;
        }

        Status = LifecycleStatus.Lapsed;
        UpdatedAt = now;
        return true;
    }

    /// <summary>A prospect becomes active with their first purchase, and a lapsed customer with their next.</summary>
    public void MarkPurchased()
    {
        if (Status is LifecycleStatus.Prospect or LifecycleStatus.Lapsed)
        {
            Status = LifecycleStatus.Active;
        }
    }

    /// <summary>
    /// Takes in what a merge brings: the contact details united with the merged customer's and the consent recomputed
    /// from the combined history. Returns the JSON names of the detail fields that changed.
    /// </summary>
    public IReadOnlyList<string> AbsorbMerged(CustomerDetails united, Dictionary<ContactChannel, ConsentState> consent, DateTimeOffset now)
    {
        EnsureChangeable();
        var changed = CurrentDetails().ChangedFields(united);
        Apply(united);
        Consent = consent;
        UpdatedAt = now;
        return changed;
    }

    /// <summary>Archives this customer as merged into <paramref name="survivorId"/>; a merged customer takes no further change.</summary>
    public void MarkMergedInto(Guid survivorId, DateTimeOffset now)
    {
        EnsureChangeable();
        MergedInto = survivorId;
        ArchivedAt = now;
        UpdatedAt = now;
    }

    public void EnsureNotMerged()
    {
        if (MergedInto is { } survivor)
        {
            throw new DomainException(
                "customer-merged",
                $"Customer {Id} was merged into {survivor}; change that customer instead.",
                DomainErrorKind.Conflict);
        }
    }

    /// <summary>Refuses a change to a customer that was merged away, erased or archived (409 naming which).</summary>
    public void EnsureChangeable()
    {
        EnsureNotMerged();
        if (Status == LifecycleStatus.Erased)
        {
            throw new DomainException(
                "customer-erased",
                $"Customer {Id} has been erased; an erased record takes no changes.",
                DomainErrorKind.Conflict);
        }

        if (IsArchived)
        {
            throw new DomainException(
                "customer-archived",
                $"Customer {Id} is archived; restore it before changing it.",
                DomainErrorKind.Conflict);
        }
    }

    public CustomerDetails CurrentDetails() => new(
        Kind, DisplayName, GivenName, FamilyName, CompanyName, ContactPerson, Emails, Phones, Address, PreferredChannel,
        PreferredLanguage, HomeBranch, DateOfBirth, SpecialNeeds, AccessibilityNotes, Rating, RatingReason, Tags, Attributes, ExternalId);

    private void Apply(CustomerDetails details)
    {
        Kind = details.Kind;
        DisplayName = details.DisplayName;
        GivenName = details.GivenName;
        FamilyName = details.FamilyName;
        CompanyName = details.CompanyName;
        ContactPerson = details.ContactPerson;
        Emails = [.. details.Emails];
        Phones = [.. details.Phones];
        Address = details.Address;
        PreferredChannel = details.PreferredChannel;
        PreferredLanguage = details.PreferredLanguage;
        HomeBranch = details.HomeBranch;
        DateOfBirth = details.DateOfBirth;
        SpecialNeeds = details.SpecialNeeds;
        AccessibilityNotes = details.AccessibilityNotes;
        Rating = details.Rating;
        RatingReason = details.RatingReason;
        Tags = [.. details.Tags];
        Attributes = new Dictionary<string, JsonElement>(details.Attributes);
        ExternalId = details.ExternalId;
    }
}

/// <summary>A channel's current consent: granted or withdrawn, since when.</summary>
public sealed record ConsentState(bool Granted, DateTimeOffset Since);
