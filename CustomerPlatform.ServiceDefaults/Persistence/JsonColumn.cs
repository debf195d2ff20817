using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPlatform.ServiceDefaults.Persistence;

/// <summary>
/// A value object (or a list of them) kept whole in one <c>jsonb</c> column, in the same camelCase JSON the API
/// speaks. For data read and written as a unit (a branch's opening hours), where tables per item would only add
/// joins; compared by content, so replacing it with an equal value is no change.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> HasJsonColumn<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
                value => JsonSerializer.Serialize(value, Json),
                json => JsonSerializer.Deserialize<T>(json, Json)!,
                new ValueComparer<T>(
                    (left, right) => JsonSerializer.Serialize(left, Json) == JsonSerializer.Serialize(right, Json),
                    value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json), Json)!))
            .HasColumnType("jsonb");
        return property;
    }
}
