namespace CustomerPlatform.ServiceDefaults.Http;

/// <summary>Entity tags from a row's version (PostgreSQL <c>xmin</c>), in the quoted form HTTP uses.</summary>
public static class ETags
{
    public static string From(uint version) => $"\"{version}\"";
}
