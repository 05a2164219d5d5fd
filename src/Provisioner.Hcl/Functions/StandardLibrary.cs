using Provisioner.Hcl.Functions.Library;

namespace Provisioner.Hcl.Functions;

/// <summary>Terraform's standard function library (the names and behaviour users know), as a <see cref="FunctionTable"/>.</summary>
public static class StandardLibrary
{
    public static FunctionTable Create(StandardLibraryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FunctionTable(
            NumericFunctions.Create(options)
                .Concat(StringFunctions.Create(options))
                .Concat(CollectionFunctions.Create(options))
                .Concat(EncodingFunctions.Create(options))
                .Concat(FilesystemFunctions.Create(options))
                .Concat(DateTimeFunctions.Create(options))
                .Concat(CryptoFunctions.Create(options))
                .Concat(IpNetworkFunctions.Create(options))
                .Concat(ConversionFunctions.Create(options)));
    }
}
