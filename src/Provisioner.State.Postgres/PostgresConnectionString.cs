using System.Globalization;
using System.Text;
using Npgsql;

namespace Provisioner.State.Postgres;

/// <summary>
/// Reads <c>conn_str</c> in the forms Terraform's pg backend users write: a URL
/// (<c>postgres://user:password@host:port/database?sslmode=disable</c>), libpq keywords
/// (<c>host=... port=... dbname=... user=... password=... sslmode=...</c>) or an Npgsql connection string
/// (<c>Host=...;Port=...;Database=...;Username=...;Password=...</c>).
/// </summary>
/// <remarks>Errors never quote the connection string or any of its values (it may hold a password).</remarks>
internal static class PostgresConnectionString
{
    public static (NpgsqlConnectionStringBuilder? Builder, string? Error) Parse(string connStr)
    {
        var text = connStr.Trim();
        if (text.Length == 0)
            return (null, "is empty");
        try
        {
            if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
                return FromUrl(text);
            if (text.Contains(';', StringComparison.Ordinal))
                return (new NpgsqlConnectionStringBuilder(text), null);
            return FromKeywords(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException or OverflowException or InvalidCastException)
        {
            // The exception text may quote a value: say only which form was not understood.
            return (null, "is not a valid connection string (a postgres:// URL, libpq \"key=value\" pairs or an Npgsql connection string)");
        }
    }

    private static (NpgsqlConnectionStringBuilder?, string?) FromUrl(string text)
    {
        var uri = new Uri(text);
        var b = new NpgsqlConnectionStringBuilder();
        if (uri.Host.Length > 0)
            b.Host = uri.Host.Trim('[', ']');
        if (!uri.IsDefaultPort && uri.Port > 0)
            b.Port = uri.Port;
        var db = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (db.Length > 0)
            b.Database = db;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                b.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                return (null, "has a query parameter without a value");
            var error = Set(b, Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..]));
            if (error is not null)
                return (null, error);
        }
        return (b, null);
    }

    private static (NpgsqlConnectionStringBuilder?, string?) FromKeywords(string text)
    {
        var b = new NpgsqlConnectionStringBuilder();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= text.Length)
                return (b, null);
            var eq = text.IndexOf('=', i);
            if (eq < 0)
                return (null, "has a word that is not a key=value pair");
            var key = text[i..eq].Trim();
            i = eq + 1;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '\'')
            {
                i++;
                while (i < text.Length && text[i] != '\'')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                        i++;
                    value.Append(text[i++]);
                }
                if (i >= text.Length)
                    return (null, "has an unterminated quoted value");
                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                    value.Append(text[i++]);
            }
            var error = Set(b, key, value.ToString());
            if (error is not null)
                return (null, error);
        }
    }

    /// <summary>Sets a libpq keyword (or an Npgsql one); the error names the key, never the value.</summary>
    private static string? Set(NpgsqlConnectionStringBuilder b, string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "host":
            case "hostaddr":
                b.Host = value;
                return null;
            case "port":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is <= 0 or > 65535)
                    return "has an invalid port";
                b.Port = port;
                return null;
            case "dbname":
            case "database":
                b.Database = value;
                return null;
            case "user":
            case "username":
                b.Username = value;
                return null;
            case "password":
                b.Password = value;
                return null;
            case "sslmode":
                if (!Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode))
                    return "has an unknown sslmode";
                b.SslMode = mode;
                return null;
            case "connect_timeout":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                    return "has an invalid connect_timeout";
                b.Timeout = seconds;
                return null;
            case "application_name":
                b.ApplicationName = value;
                return null;
            case "sslrootcert":
                b.RootCertificate = value;
                return null;
            case "sslcert":
                b.SslCertificate = value;
                return null;
            case "sslkey":
                b.SslKey = value;
                return null;
            default:
                try
                {
                    b[key] = value;
                    return null;
                }
                catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
                {
                    return $"has an unsupported or invalid parameter \"{key}\"";
                }
        }
    }

    /// <summary>Where the server is, for messages: <c>host:port/database</c> (never the user or password).</summary>
    public static string Describe(NpgsqlConnectionStringBuilder b) =>
        $"{(string.IsNullOrEmpty(b.Host) ? "localhost" : b.Host)}:{b.Port}/{(string.IsNullOrEmpty(b.Database) ? "(default database)" : b.Database)}";
}
