using Provisioner.Hcl;

namespace Provisioner.Config.Decoding;

/// <summary>Body schemas for every block Provisioner understands (Terraform's vocabulary).</summary>
internal static class Schemas
{
    private static AttributeSchema A(string name, bool required = false) => new(name, required);

    private static BlockHeaderSchema B(string type, params string[] labels) => new(type, labels);

    public static BodySchema File { get; } = new([], [
        B("provisioner"),
        B("variable", "name"),
        B("locals"),
        B("output", "name"),
        B("provider", "name"),
        B("resource", "type", "name"),
        B("data", "type", "name"),
        B("module", "name"),
        B("moved"),
        B("import"),
        B("removed"),
        B("check", "name"),
    ]);

    public static BodySchema Settings { get; } = new([A("required_version")], [B("backend", "type"), B("encryption")]);

    public static BodySchema Encryption { get; } = new(
        [A("key_provider"), A("passphrase_env"), A("key_env"), A("iterations"), A("allow_unencrypted")],
        [B("fallback")]);

    public static BodySchema EncryptionFallback { get; } = new([A("key_provider"), A("passphrase_env"), A("key_env"), A("iterations")], []);

    public static BodySchema Variable { get; } = new(
        [A("type"), A("default"), A("description"), A("sensitive"), A("nullable")],
        [B("validation")]);

    public static BodySchema Rule { get; } = new([A("condition", true), A("error_message", true)], []);

    public static BodySchema Output { get; } = new(
        [A("value", true), A("description"), A("sensitive"), A("depends_on")],
        [B("precondition")]);

    public static BodySchema Provider { get; } = new(
        [A("alias"), A("version"), A("count"), A("for_each"), A("depends_on"), A("source")],
        [B("lifecycle"), B("locals")]);

    public static BodySchema Resource { get; } = new(
        [A("count"), A("for_each"), A("provider"), A("depends_on")],
        [B("lifecycle"), B("locals"), B("count"), B("for_each"), B("depends_on"), B("provider")]);

    public static BodySchema ManagedLifecycle { get; } = new(
        [A("create_before_destroy"), A("prevent_destroy"), A("ignore_changes"), A("replace_triggered_by")],
        [B("precondition"), B("postcondition")]);

    public static BodySchema DataLifecycle { get; } = new([], [B("precondition"), B("postcondition")]);

    public static BodySchema ModuleCall { get; } = new(
        [A("source", true), A("version"), A("count"), A("for_each"), A("depends_on"), A("providers")],
        [B("lifecycle"), B("locals"), B("provider")]);

    public static BodySchema Moved { get; } = new([A("from", true), A("to", true)], []);

    public static BodySchema Import { get; } = new([A("to", true), A("id", true), A("provider"), A("for_each")], []);

    public static BodySchema Removed { get; } = new([A("from", true)], [B("lifecycle")]);

    public static BodySchema RemovedLifecycle { get; } = new([A("destroy")], []);

    public static BodySchema Check { get; } = new([], [B("data", "type", "name"), B("assert")]);
}
