using Provisioner.Hcl.Functions;
using Provisioner.Hcl.Values;

namespace Provisioner.Hcl.Evaluation;

/// <summary>The complete function table for configurations: the standard library, <c>try</c>/<c>can</c>, and the template functions.</summary>
public static class HclFunctions
{
    /// <summary>
    /// The standard library (<see cref="StandardLibrary.Create"/>) plus <c>templatefile</c>, <c>templatestring</c>
    /// and, when the library does not define them, the <c>try</c> and <c>can</c> special forms.
    /// </summary>
    public static FunctionTable CreateStandard(StandardLibraryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var std = StandardLibrary.Create(options);
        FunctionTable? table = null;
        var extra = new List<HclFunction>(TemplateFunctions.Create(options, () => table!));
        if (!std.TryGet("try", out _))
            extra.Add(Try);
        if (!std.TryGet("can", out _))
            extra.Add(Can);
        table = std.With(extra);
        return table;
    }

    /// <summary><c>try(expressions...)</c>: evaluated by the evaluator itself (see <see cref="SpecialForm.Try"/>).</summary>
    public static HclFunction Try { get; } = new(
        "try",
        [],
        new FunctionParameter("expressions", HclType.Dynamic),
        HclFunction.Returns(HclType.Dynamic),
        (_, _) => FunctionResult.Fail("try must be evaluated as a special form"),
        "Evaluates all of its argument expressions in turn and returns the result of the first one that does not produce any errors.")
    {
        Special = SpecialForm.Try,
    };

    /// <summary><c>can(expression)</c>: evaluated by the evaluator itself (see <see cref="SpecialForm.Can"/>).</summary>
    public static HclFunction Can { get; } = new(
        "can",
        [new FunctionParameter("expression", HclType.Dynamic)],
        null,
        HclFunction.Returns(HclType.Bool),
        (_, _) => FunctionResult.Fail("can must be evaluated as a special form"),
        "Tries to evaluate the expression given in its first argument.")
    {
        Special = SpecialForm.Can,
    };
}
