using Xunit;

namespace CustomerPlatform.EndToEnd.Tests;

/// <summary>One running platform shared by every end-to-end test class (starting five processes is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}
