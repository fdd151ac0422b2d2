namespace Oversight.Tests.Demo;

/// <summary>The demo county is generated and loaded once for every test class that reads it.</summary>
[CollectionDefinition(Name)]
public sealed class DemoCountyCollection : ICollectionFixture<DemoCountyFixture>
{
    public const string Name = "demo county";
}
