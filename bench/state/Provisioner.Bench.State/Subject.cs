using Provisioner.State.Backends;

namespace Provisioner.Bench.State;

/// <summary>
/// A backend under test: creates a fresh, empty backend per run (its own directory, schema or prefix), with the
/// cipher its states and journals are encrypted with (null: plain), and how to read its server's CPU time.
/// </summary>
internal sealed record Subject(string Name, Func<int, IStateBackend> NewBackend, IStateCipher? Cipher, Func<TimeSpan> ServerCpu);
