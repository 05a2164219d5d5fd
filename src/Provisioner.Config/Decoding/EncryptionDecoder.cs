using Provisioner.Hcl;
using Provisioner.Hcl.Diagnostics;
using Provisioner.Hcl.Values;

namespace Provisioner.Config.Decoding;

/// <summary>Decodes <c>provisioner { encryption { ... } }</c> (literal values only) into an <see cref="EncryptionConfig"/>.</summary>
internal static class EncryptionDecoder
{
    /// <summary>PBKDF2 iteration bounds (the same as the state library's; OWASP's minimum for SHA-512).</summary>
    public const int MinimumIterations = 210_000;

    public const int MaximumIterations = 10_000_000;

    private const string Unencrypted = "unencrypted";

    public static EncryptionConfig? Decode(HclBlock block, DiagnosticList diags)
    {
        var (content, d) = block.Body.Content(Schemas.Encryption);
        diags.AddRange(d);
        var errors = diags.Count(x => x.Severity == DiagnosticSeverity.Error);

        var allowUnencrypted = content.Attributes.TryGetValue("allow_unencrypted", out var au)
            && (Decoding.StaticExpressions.LiteralBool(au.Expression, diags, "allow_unencrypted") ?? false);

        EncryptionKeyConfig? fallback = null;
        HclBlock? fallbackBlock = null;
        foreach (var b in content.Blocks)
        {
            if (fallbackBlock is not null)
            {
                diags.Error("Duplicate fallback block",
                    $"An encryption block may have only one fallback key; one is already declared at {fallbackBlock.DefRange}.", b.DefRange);
                continue;
            }
            fallbackBlock = b;
            var (fc, fd) = b.Body.Content(Schemas.EncryptionFallback);
            diags.AddRange(fd);
            var (kind, _) = Provider(fc.Attributes, diags, allowUnencrypted: false);
            if (kind is { } k)
            {
                fallback = Key(k, fc.Attributes, b.DefRange, diags,
                    EncryptionConfig.DefaultFallbackPassphraseVariable, EncryptionConfig.DefaultFallbackKeyVariable);
            }
        }

        var (primaryKind, unencrypted) = Provider(content.Attributes, diags, allowUnencrypted: true);
        EncryptionKeyConfig? primary = null;
        if (primaryKind is { } pk)
        {
            primary = Key(pk, content.Attributes, block.DefRange, diags,
                EncryptionConfig.DefaultPassphraseVariable, EncryptionConfig.DefaultKeyVariable);
        }
        else if (unencrypted)
        {
            foreach (var name in new[] { "passphrase_env", "key_env", "iterations" })
            {
                if (content.Attributes.TryGetValue(name, out var a))
                    NotExpected(a, "key_provider = \"unencrypted\"", diags);
            }
            if (fallbackBlock is null)
            {
                diags.Error("Missing fallback key",
                    "key_provider = \"unencrypted\" writes the state unencrypted again; it needs a fallback block with the key " +
                    "the state is encrypted with now, to read it one last time.",
                    content.Attributes["key_provider"].Expression.Range);
            }
        }

        if (primary is not null && fallback is not null && primary.Provider == fallback.Provider && primary.Variable == fallback.Variable)
        {
            diags.Error("Fallback key is the primary key",
                $"The fallback key reads the same environment variable ({fallback.Variable}) as the primary key. For a key " +
                "rotation, put the new key in the primary and the old one in another variable named in the fallback block.",
                fallback.VariableRange);
        }

        if (diags.Count(x => x.Severity == DiagnosticSeverity.Error) > errors)
            return null;
        return new EncryptionConfig(primary, fallback, allowUnencrypted, block.DefRange);
    }

    /// <summary>The key provider (default pbkdf2); (null, true) for "unencrypted" where allowed; (null, false) on error.</summary>
    private static (EncryptionKeyProvider?, bool Unencrypted) Provider(HclAttributes attributes, DiagnosticList diags, bool allowUnencrypted)
    {
        if (!attributes.TryGetValue("key_provider", out var attr))
            return (EncryptionKeyProvider.Pbkdf2, false);
        var text = StaticExpressions.LiteralString(attr.Expression, diags, "key_provider");
        switch (text)
        {
            case null:
                return (null, false);
            case "pbkdf2":
                return (EncryptionKeyProvider.Pbkdf2, false);
            case "env":
                return (EncryptionKeyProvider.Env, false);
            case Unencrypted when allowUnencrypted:
                return (null, true);
            case Unencrypted:
                diags.Error("Invalid key_provider",
                    "A fallback key cannot be \"unencrypted\": to read unencrypted states while moving to encryption, set " +
                    "allow_unencrypted = true in the encryption block.", attr.Expression.Range);
                return (null, false);
            default:
                diags.Error("Invalid key_provider",
                    allowUnencrypted
                        ? $"The key provider \"{text}\" is not known: use \"pbkdf2\" (a passphrase), \"env\" (a base64 key) or \"unencrypted\" (to leave encryption)."
                        : $"The key provider \"{text}\" is not known: use \"pbkdf2\" (a passphrase) or \"env\" (a base64 key).",
                    attr.Expression.Range);
                return (null, false);
        }
    }

    private static EncryptionKeyConfig? Key(EncryptionKeyProvider kind, HclAttributes attributes, SourceRange declRange, DiagnosticList diags,
        string defaultPassphraseVariable, string defaultKeyVariable)
    {
        var (own, other, defaultVariable) = kind == EncryptionKeyProvider.Pbkdf2
            ? ("passphrase_env", "key_env", defaultPassphraseVariable)
            : ("key_env", "passphrase_env", defaultKeyVariable);
        var provider = kind == EncryptionKeyProvider.Pbkdf2 ? "pbkdf2" : "env";
        var ok = true;
        if (attributes.TryGetValue(other, out var wrong))
        {
            NotExpected(wrong, $"key_provider = \"{provider}\"", diags);
            ok = false;
        }
        int? iterations = null;
        if (attributes.TryGetValue("iterations", out var it))
        {
            if (kind != EncryptionKeyProvider.Pbkdf2)
            {
                NotExpected(it, $"key_provider = \"{provider}\"", diags);
                ok = false;
            }
            else
            {
                iterations = Iterations(it, diags);
                ok &= iterations is not null;
            }
        }
        var variable = defaultVariable;
        var variableRange = declRange;
        if (attributes.TryGetValue(own, out var v))
        {
            variableRange = v.Expression.Range;
            var name = StaticExpressions.LiteralString(v.Expression, diags, own);
            if (name is null)
            {
                ok = false;
            }
            else if (!IsVariableName(name))
            {
                diags.Error($"Invalid {own}",
                    $"{own} names the environment variable that holds the {(kind == EncryptionKeyProvider.Pbkdf2 ? "passphrase" : "key")}: " +
                    "letters, digits and underscores, not starting with a digit. The secret itself never goes in a configuration file.",
                    v.Expression.Range);
                ok = false;
            }
            else
            {
                variable = name;
            }
        }
        return ok ? new EncryptionKeyConfig(kind, variable, iterations, declRange, variableRange) : null;
    }

    private static int? Iterations(HclAttribute attr, DiagnosticList diags)
    {
        var (value, d) = attr.Expression.Evaluate(null);
        if (d.HasErrors)
        {
            diags.AddRange(d);
            return null;
        }
        var conv = HclConvert.Convert(value, HclType.Number);
        if (conv.IsSuccess && !conv.Value!.IsNull && conv.Value.IsKnown && conv.Value.AsNumber().TryToInt(out var n)
            && n is >= MinimumIterations and <= MaximumIterations)
        {
            return n;
        }
        diags.Error("Invalid iterations",
            $"iterations must be a whole number from {MinimumIterations:N0} (OWASP's minimum for PBKDF2-HMAC-SHA-512) to {MaximumIterations:N0}.",
            attr.Expression.Range);
        return null;
    }

    private static void NotExpected(HclAttribute attr, string because, DiagnosticList diags) =>
        diags.Error("Argument not expected here", $"The argument \"{attr.Name}\" does not apply with {because}.", attr.NameRange);

    private static bool IsVariableName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
