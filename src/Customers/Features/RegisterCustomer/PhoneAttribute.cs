using System.ComponentModel.DataAnnotations;
using CustomerPlatform.Customers.Domain;

namespace CustomerPlatform.Customers.Features.RegisterCustomer;

/// <summary>
/// An optional phone number that <see cref="PhoneNumber.TryParse"/> accepts. Checked with the other attributes, so
/// a request with several bad fields hears about all of them at once rather than one round trip at a time.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PhoneAttribute() : ValidationAttribute(RegisterCustomer.InvalidPhone)
{
    public override bool IsValid(object? value) => value is null || (value is string text && PhoneNumber.TryParse(text, out _));
}
