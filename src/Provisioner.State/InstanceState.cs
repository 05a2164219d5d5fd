namespace Provisioner.State;

/// <summary>One recorded object: the state of one resource instance.</summary>
public sealed class InstanceState
{
    /// <summary>The instance key: null (single), a <see cref="long"/> (count) or a <see cref="string"/> (for_each).</summary>
    public object? Key { get; set; }

    public InstanceStatus Status { get; set; }

    /// <summary>Set for an object replaced under <c>create_before_destroy</c> whose destroy is still pending.</summary>
    public string? Deposed { get; set; }

    public int SchemaVersion { get; set; }

    /// <summary>The object's attributes as JSON (an object), decoded by the engine with the provider's schema.</summary>
    public string AttributesJson { get; set; } = "{}";

    /// <summary>Paths (traversal syntax, e.g. <c>kubeconfig</c>, <c>labels["token"]</c>) whose values are sensitive.</summary>
    public List<string> SensitivePaths { get; } = [];

    /// <summary>The provider's opaque data, stored as given.</summary>
    public byte[]? Private { get; set; }

    /// <summary>Addresses of the resources this one depended on when last applied (to order its destroy).</summary>
    public List<string> Dependencies { get; } = [];

    public bool CreateBeforeDestroy { get; set; }

    /// <summary>Incremented on every replace; part of the idempotency token of the next create.</summary>
    public long Generation { get; set; }

    public string KeyString => Key switch
    {
        null => "",
        long n => "[" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]",
        string s => "[\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]",
        _ => throw new InvalidOperationException("instance keys are null, long or string"),
    };
}
