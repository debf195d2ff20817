using System.Buffers.Binary;
using System.Security.Cryptography;
using CustomerPlatform.Feedback.Domain.Surveys;

namespace CustomerPlatform.Feedback.Domain.Triggers;

/// <summary>The decisions a trigger makes that must come out the same however often an event is delivered.</summary>
public static class TriggerRules
{
    /// <summary>
    /// Whether the source (a purchase, visit or complaint) falls in the survey's sample. Derived from a hash of both
    /// ids, never a random draw, so a redelivered event is decided as the first delivery was; the survey id is part of
    /// it so two surveys sampling the same events do not pick the very same customers.
    /// </summary>
    public static bool IsSampled(Guid surveyId, Guid sourceId, double samplingRate)
    {
        if (samplingRate >= 1)
        {
            return true;
        }

        if (samplingRate <= 0)
        {
            return false;
        }

        Span<byte> ids = stackalloc byte[32];
        surveyId.TryWriteBytes(ids[..16]);
        sourceId.TryWriteBytes(ids[16..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ids, hash);
        var position = BinaryPrimitives.ReadUInt64BigEndian(hash) / (double)ulong.MaxValue;
        return position < samplingRate;
    }

    /// <summary>The first of the trigger's channels, in its order, that the customer has consented to; null when none.</summary>
    public static InvitationChannel? ChooseChannel(IEnumerable<InvitationChannel> preferred, IReadOnlySet<InvitationChannel> consented)
    {
        ArgumentNullException.ThrowIfNull(preferred);
        ArgumentNullException.ThrowIfNull(consented);
        foreach (var channel in preferred)
        {
            if (consented.Contains(channel))
            {
                return channel;
            }
        }

        return null;
    }
}
