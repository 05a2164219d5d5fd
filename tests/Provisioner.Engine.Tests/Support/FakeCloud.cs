using System.Collections.Concurrent;
using Provisioner.Hcl.Values;
using Provisioner.Sdk;

namespace Provisioner.Engine.Tests.Support;

/// <summary>The test stand-in cloud behind <see cref="FakeCloudProvider"/>: objects by id, and a log of calls.</summary>
internal sealed class FakeCloud : IProviderFactory
{
    public long NextId;
    public int ReadBatches;
    public int DataReads;

    public ConcurrentDictionary<string, HclValue> Objects { get; } = new();

    public ConcurrentDictionary<string, string> ByToken { get; } = new();

    public ConcurrentQueue<(string Op, string Name, string Token)> Calls { get; } = new();

    public HashSet<string> FailNames { get; } = new(StringComparer.Ordinal);

    public string Name => "fake";

    public IProvider Create() => new FakeCloudProvider(this);
}
