using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Problems;
using Xunit;

namespace CustomerPlatform.Customers.Tests.Unit;

public sealed class InteractionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_WithoutOccurredAt_HappenedNowAndHasNoFollowUp()
    {
        var interaction = Record(occurredAt: null, followUpDueAt: null);

        Assert.Equal(Now, interaction.OccurredAt);
        Assert.Equal(Now, interaction.RecordedAt);
        Assert.Null(interaction.FollowUpDueAt);
        Assert.False(interaction.HasOpenFollowUp);
    }

    [Fact]
    public void Record_WithOffsetTimes_StoresThemInUtcToTheMicrosecond()
    {
        var occurredAt = new DateTimeOffset(2026, 11, 22, 13, 0, 0, TimeSpan.FromHours(2)).AddTicks(7);

        var interaction = Record(occurredAt, occurredAt.AddDays(1));

        Assert.Equal(TimeSpan.Zero, interaction.OccurredAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 11, 0, 0, TimeSpan.Zero), interaction.OccurredAt);
        Assert.Equal(TimeSpan.Zero, interaction.FollowUpDueAt!.Value.Offset);
    }

    [Fact]
    public void Record_WithinTheClockSkewAllowance_IsAccepted()
    {
        var interaction = Record(Now.AddMinutes(5), followUpDueAt: null);

        Assert.Equal(Now.AddMinutes(5), interaction.OccurredAt);
    }

    [Fact]
    public void Record_FurtherInTheFuture_ThrowsInteractionInFuture()
    {
        var exception = Assert.Throws<DomainException>(() => Record(Now.AddMinutes(6), followUpDueAt: null));

        Assert.Equal("interaction-in-future", exception.Code);
    }

    [Fact]
    public void Record_FollowUpDueBeforeItHappened_ThrowsFollowUpBeforeInteraction()
    {
        var exception = Assert.Throws<DomainException>(() => Record(Now.AddHours(-1), Now.AddHours(-2)));

        Assert.Equal("follow-up-before-interaction", exception.Code);
        Assert.Equal(DomainErrorKind.Unprocessable, exception.Kind);
    }

    [Fact]
    public void CompleteFollowUp_Twice_FirstCompletionStands()
    {
        var interaction = Record(Now.AddHours(-1), Now.AddDays(1));

        var first = interaction.CompleteFollowUp(" Bea ", " Called back ", Now);
        var second = interaction.CompleteFollowUp("Cal", "Again", Now.AddHours(1));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(Now, interaction.FollowUpCompletedAt);
        Assert.Equal("Bea", interaction.FollowUpCompletedBy);
        Assert.Equal("Called back", interaction.FollowUpNote);
        Assert.False(interaction.HasOpenFollowUp);
    }

    [Fact]
    public void CompleteFollowUp_WithoutAFollowUp_ThrowsNoFollowUpConflict()
    {
        var interaction = Record(Now.AddHours(-1), followUpDueAt: null);

        var exception = Assert.Throws<DomainException>(() => interaction.CompleteFollowUp("Bea", null, Now));

        Assert.Equal("no-follow-up", exception.Code);
        Assert.Equal(DomainErrorKind.Conflict, exception.Kind);
    }

    private static Interaction Record(DateTimeOffset? occurredAt, DateTimeOffset? followUpDueAt) =>
        Interaction.Record(
            Guid.NewGuid(), Guid.NewGuid(), InteractionChannel.Phone, InteractionPurpose.Enquiry, ["pricing"], " Asked about prices ",
            " Bea ", " north ", occurredAt, followUpDueAt, Now);
}
