namespace Provisioner.Config;

/// <summary>Managed resource (<c>resource</c>) or data resource (<c>data</c>).</summary>
public enum ResourceMode
{
    Managed,
    Data,
}
