namespace Provisioner.Sdk;

public enum PathStepKind
{
    Attribute,
    Key,
    Index,
}
