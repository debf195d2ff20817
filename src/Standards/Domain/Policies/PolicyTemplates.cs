namespace CustomerPlatform.Standards.Domain.Policies;

/// <summary>
/// The templates every business starts from. Written for a small business with several branches: short, concrete,
/// each promise measurable, and the customer-facing clauses marked public so the service charter can quote them.
/// </summary>
public static class PolicyTemplates
{
    public static readonly IReadOnlyList<PolicyTemplate> All =
    [
        new(
            "complaints-handling",
            PolicyAreas.ComplaintsHandling,
            "Complaints handling",
            """
            # Complaints handling

            A complaint is any expression of dissatisfaction about our products, services, staff or this policy, made
            in person, by phone, e-mail, letter, our website or social media, where a response is expected.

            ## How we handle a complaint
            1. **Receive**: whoever receives the complaint records it the same day, with the customer's contact
               details and what they expect us to do.
            2. **Acknowledge**: we confirm to the customer that we have it and who is looking after it.
            3. **Investigate**: the branch manager (or their deputy) looks into it, speaks to the staff involved and
               keeps the customer informed.
            4. **Resolve**: we explain what we found and what we will do, and offer a remedy where we got it wrong.
            5. **Learn**: complaints are reviewed monthly to find causes and fix them.

            ## Escalation
            A customer who is not satisfied with our answer may ask for the complaint to be reviewed by the owner or
            general manager, who answers within five business days.
            """,
            [
                new("acknowledge-within-one-business-day", "We acknowledge every complaint within one business day of receiving it.", true),
                new("resolve-within-five-business-days", "We aim to resolve every complaint within five business days; when it takes longer we tell you why and when to expect an answer.", true),
                new("named-contact", "You will have one named person looking after your complaint from start to finish.", true),
                new("escalation", "If you are not satisfied with our answer, you can ask for it to be reviewed by our general manager, who will reply within five business days.", true),
                new("free-of-charge", "Making a complaint never costs you anything and will not affect how we treat you.", true),
                new("record-same-day", "Staff record every complaint in the complaints system on the day it is received.", false),
                new("monthly-review", "The general manager reviews all complaints monthly and reports causes and actions to branch managers.", false),
            ],
            12),
        new(
            "refunds-and-cancellation",
            PolicyAreas.RefundsAndCancellation,
            "Refunds and cancellation fees",
            """
            # Refunds and cancellation fees

            This policy sets out when customers get their money back and what, if anything, a cancellation costs. It
            never limits the rights customers have under consumer law.

            ## Refunds
            - Goods that are faulty, not as described or not fit for purpose are repaired, replaced or refunded, as
              the customer prefers where the law gives them the choice.
            - Unused goods in their original condition may be returned within 30 days with proof of purchase for a
              refund to the original payment method.
            - Refunds are processed within five business days of the return being accepted.

            ## Cancellations
            - Bookings cancelled at least 24 hours before the appointment are free of charge.
            - Later cancellations and missed appointments may be charged a fee of up to 50 % of the booked price.
            - We waive the fee when the customer could not reasonably have given notice (illness, emergencies).

            ## Authority
            Staff may refund up to the limit their role allows; anything above it needs the branch manager.
            """,
            [
                new("faulty-goods", "If something you bought from us is faulty or not as described, we will repair, replace or refund it.", true),
                new("change-of-mind-30-days", "You can return unused items in their original condition within 30 days with proof of purchase for a full refund.", true),
                new("refund-within-five-business-days", "We refund to your original payment method within five business days of accepting a return.", true),
                new("free-cancellation-24-hours", "Cancelling a booking at least 24 hours in advance is always free.", true),
                new("late-cancellation-fee", "Late cancellations and missed appointments may be charged up to half of the booked price; we waive this when you could not reasonably have let us know.", true),
                new("refund-authority", "Staff refund within the limit of their role; larger refunds are approved by the branch manager the same day.", false),
            ],
            12),
        new(
            "response-times",
            PolicyAreas.ResponseTimes,
            "Response times",
            """
            # Response times

            How quickly we answer customers on each channel. Times are counted in business hours of the branch the
            customer contacted; a branch's opening hours and public holidays are published on its page.

            | Channel | First response |
            |---|---|
            | Phone | answered within 30 seconds during opening hours |
            | E-mail and web form | within one business day |
            | Social media messages | within four business hours |
            | Voicemail | called back within four business hours |

            A first response is a real answer or a clear next step from a person, not an automatic reply.
            Branch managers check response times weekly and arrange cover for absences and peaks.
            """,
            [
                new("phone-30-seconds", "We answer the phone within 30 seconds during opening hours.", true),
                new("email-one-business-day", "We reply to e-mails and web enquiries within one business day.", true),
                new("social-four-hours", "We respond to social media messages within four business hours.", true),
                new("voicemail-callback", "We call back every voicemail within four business hours.", true),
                new("weekly-check", "Branch managers review response times weekly and arrange cover for absences and busy periods.", false),
            ],
            12),
    ];

    public static PolicyTemplate? Find(string key) => All.FirstOrDefault(template => template.Key == key);
}
