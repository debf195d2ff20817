using CustomerPlatform.EndToEnd.Tests;
using Xunit;

namespace CustomerPlatform.Faults.Tests;

/// <summary>One running platform for every fault test; each test leaves it healthy for the next.</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Faults";
}
