using Provisioner.Hcl.Diagnostics;

namespace Provisioner.Hcl;

/// <summary>
/// The content of a file or block in any HCL syntax, decoded against a schema (HCL's <c>hcl.Body</c>).
/// Native-syntax bodies are <see cref="Evaluation.NativeBody"/>; the JSON syntax provides its own implementation.
/// </summary>
public interface IHclBody
{
    /// <summary>Decodes the body against the schema; anything not in the schema is an error.</summary>
    ContentResult Content(BodySchema schema);

    /// <summary>Decodes what the schema names and returns the rest as <see cref="PartialContentResult.Remain"/>.</summary>
    PartialContentResult PartialContent(BodySchema schema);

    /// <summary>Returns all attributes (blocks are an error): for bodies whose attribute names are not known in advance.</summary>
    JustAttributesResult JustAttributes();

    /// <summary>Where to report an item that is missing from the body (a zero-width range at its start).</summary>
    SourceRange MissingItemRange { get; }
}
