namespace Provisioner.Engine.Addresses;

/// <summary>Managed resources (<c>resource</c> blocks) or data sources (<c>data</c> blocks).</summary>
public enum ResourceMode
{
    Managed,
    Data,
}
