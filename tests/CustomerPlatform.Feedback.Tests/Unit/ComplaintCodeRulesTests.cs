using CustomerPlatform.Feedback.Domain.Complaints;
using Xunit;

namespace CustomerPlatform.Feedback.Tests.Unit;

public sealed class ComplaintCodeRulesTests
{
    [Fact]
    public void Normalise_ValidList_TrimsCodesAndLabels()
    {
        var errors = new Dictionary<string, string[]>();

        var list = ComplaintCodeRules.Normalise([(" billing ", " Billing "), ("staff-attitude", "Staff attitude")], errors);

        Assert.Empty(errors);
        Assert.Equal("Billing", list["billing"]);
        Assert.Equal("Staff attitude", list["staff-attitude"]);
    }

    [Fact]
    public void Normalise_DuplicateCode_NamesTheSecondEntry()
    {
        var errors = new Dictionary<string, string[]>();

        var list = ComplaintCodeRules.Normalise([("billing", "Billing"), ("billing ", "Again")], errors);

        Assert.Empty(list);
        Assert.Equal(["items[1].code"], errors.Keys);
    }

    [Fact]
    public void Normalise_BadCodeAndEmptyLabel_NamesEachField()
    {
        var errors = new Dictionary<string, string[]>();

        ComplaintCodeRules.Normalise([("has space", "Fine"), ("ok", " "), null], errors);

        Assert.Equal(["items[0].code", "items[1].label", "items[2]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Normalise_EmptyList_IsValid()
    {
        var errors = new Dictionary<string, string[]>();

        var list = ComplaintCodeRules.Normalise([], errors);

        Assert.Empty(errors);
        Assert.Empty(list);
    }
}
