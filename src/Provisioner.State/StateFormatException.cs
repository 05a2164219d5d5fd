namespace Provisioner.State;

/// <summary>Internal to the reader: carries a user-facing message up to <see cref="StateJson.Read"/>, which returns it as a value.</summary>
internal sealed class StateFormatException(string message) : Exception(message);
