using CustomerPlatform.Contracts.Branches;
using CustomerPlatform.Customers.Domain;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class CustomerMergeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UniteContacts_KeepsTheSurvivorsPrimaryFirstAndAddsTheOthersWithoutRepeats()
    {
        var survivor = TestCustomers.Details(new CustomerFields
        {
            DisplayName = "Ann Smith", Emails = ["ann@example.com", "a.smith@work.example"], Phones = ["+447700900001"], Tags = ["vip"],
        });
        var merged = TestCustomers.Details(new CustomerFields
        {
            DisplayName = "A. Smith", Emails = ["A.Smith@work.example", "ann.s@home.example"], Phones = ["+447700900002", "+447700900001"], Tags = ["VIP", "newsletter"],
        });

        var united = CustomerMerge.UniteContacts(survivor, merged);

        Assert.Equal(["ann@example.com", "a.smith@work.example", "ann.s@home.example"], united.Emails);
        Assert.Equal(["+447700900001", "+447700900002"], united.Phones);
        Assert.Equal(["vip", "newsletter"], united.Tags);
        Assert.Equal("Ann Smith", united.DisplayName);
    }

    [Fact]
    public void UniteContacts_FillsOnlyTheFieldsTheSurvivorLacks()
    {
        var survivor = TestCustomers.Details(new CustomerFields { DisplayName = "Ann Smith", PreferredLanguage = "en", HomeBranch = "north" });
        var merged = TestCustomers.Details(new CustomerFields
        {
            DisplayName = "Ann", PreferredLanguage = "de", HomeBranch = "south", DateOfBirth = new DateOnly(1980, 5, 1),
            Address = new PostalAddress("1 Road", null, "Leeds", null, "LS1 1AA", "GB"), Rating = 4, RatingReason = "Loyal",
        });

        var united = CustomerMerge.UniteContacts(survivor, merged);

        Assert.Equal("en", united.PreferredLanguage);
        Assert.Equal("north", united.HomeBranch);
        Assert.Equal(new DateOnly(1980, 5, 1), united.DateOfBirth);
        Assert.Equal("Leeds", united.Address?.City);
        Assert.Equal(4, united.Rating);
        Assert.Equal("Loyal", united.RatingReason);
    }

    [Fact]
    public void UniteContacts_NeverGoesPastTheContactPointLimit()
    {
        var survivor = TestCustomers.Details(new CustomerFields { DisplayName = "Ann", Emails = [.. Enumerable.Range(0, 8).Select(i => $"s{i}@example.com")] });
        var merged = TestCustomers.Details(new CustomerFields { DisplayName = "Ann", Emails = [.. Enumerable.Range(0, 5).Select(i => $"m{i}@example.com")] });

        var united = CustomerMerge.UniteContacts(survivor, merged);

        Assert.Equal(CustomerDetails.MaxContactPoints, united.Emails.Count);
        Assert.Equal("s0@example.com", united.Emails[0]);
    }

    [Fact]
    public void CurrentConsent_TheLatestDecisionPerChannelWinsWhateverRecordItCameFrom()
    {
        var survivor = TestCustomers.Register("Ann", Now);
        var history = new[]
        {
            ConsentRecord.Record(survivor, ContactChannel.Email, granted: true, "web", null, Now.AddDays(-10), Now),
            ConsentRecord.Record(survivor, ContactChannel.Email, granted: false, "call", null, Now.AddDays(-2), Now),
            ConsentRecord.Record(survivor, ContactChannel.Sms, granted: true, "branch", null, Now.AddDays(-5), Now),
        };

        var consent = CustomerMerge.CurrentConsent(history);

        Assert.Equal(new ConsentState(false, Now.AddDays(-2)), consent[ContactChannel.Email]);
        Assert.Equal(new ConsentState(true, Now.AddDays(-5)), consent[ContactChannel.Sms]);
        Assert.Equal(2, consent.Count);
    }

    [Fact]
    public void MarkMergedInto_ArchivesAndThenRefusesChangesAndRestore()
    {
        var merged = TestCustomers.Register("Ann", Now);
        var survivorId = Guid.NewGuid();

        merged.MarkMergedInto(survivorId, Now);

        Assert.Equal(survivorId, merged.MergedInto);
        Assert.True(merged.IsArchived);
        Assert.Equal("customer-merged", Assert.Throws<CustomerPlatform.ServiceDefaults.Problems.DomainException>(() => merged.Restore(Now)).Code);
        Assert.Equal("customer-merged", Assert.Throws<CustomerPlatform.ServiceDefaults.Problems.DomainException>(() => merged.MarkVerified(Now)).Code);
    }
}
