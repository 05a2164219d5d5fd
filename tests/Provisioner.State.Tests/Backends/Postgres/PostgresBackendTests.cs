using System.Diagnostics;
using System.Text;
using Npgsql;
using Provisioner.State.Backends;
using Provisioner.State.Postgres;
using Xunit.Abstractions;

namespace Provisioner.State.Tests.Backends.Postgres;

/// <summary>What the postgres backend does beyond the conformance suite: settings, secrets, history, DDL, leases.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBackendTests(PostgresServerFixture server, ITestOutputHelper output)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static LockRequest Request() => new("apply", "tester@postgres", "0.0.0-test", 7);

    private static StoredState Blob(string lineage, long serial) =>
        new(new StateVersion(lineage, serial), Encoding.UTF8.GetBytes($"{{\"lineage\":\"{lineage}\",\"serial\":{serial}}}"));

    private async Task<T> QueryAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(server.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task ExecAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(server.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task TheConnectionStringDefaultsFromTheEnvironment()
    {
        var schema = PostgresTestBackends.NewSchema();
        var env = new Dictionary<string, string> { [PostgresBackendFactory.ConnStrEnvironmentVariable] = server.ConnectionString };
        var r = PostgresTestBackends.Create(null, schema, environment: env);
        Assert.Null(r.Error);
        await using var backend = r.Backend!;
        Assert.True((await backend.Workspace("default").WriteAsync(Blob("E", 1), null, Ct)).Written);
        Assert.Equal(1L, await QueryAsync<long>($"SELECT serial FROM {schema}.provisioner_states WHERE workspace = 'default'"));
    }

    [Fact]
    public void WithoutConnectionStringTheSettingsAreInvalid()
    {
        var r = PostgresTestBackends.Create(null, "s");
        Assert.Null(r.Backend);
        Assert.Contains("conn_str", r.Error);
        Assert.Contains(PostgresBackendFactory.ConnStrEnvironmentVariable, r.Error);
        Assert.Contains("lease_ttl", PostgresTestBackends.Create(server.ConnectionString, "s", leaseTtl: 0).Error);
    }

    [Theory]
    [InlineData("url")]
    [InlineData("libpq")]
    public async Task TerraformStyleConnectionStringsWork(string form)
    {
        var conn = form == "url"
            ? $"postgres://postgres:{Uri.EscapeDataString(PostgresServerFixture.Password)}@127.0.0.1:{server.Port}/postgres?sslmode=disable"
            : $"host=127.0.0.1 port={server.Port} dbname=postgres user=postgres password='{PostgresServerFixture.Password}' sslmode=disable";
        var r = PostgresTestBackends.Create(conn, PostgresTestBackends.NewSchema());
        Assert.Null(r.Error);
        await using var backend = r.Backend!;
        Assert.Equal(["default"], await backend.ListWorkspacesAsync(Ct));
    }

    [Fact]
    public async Task ThePasswordNeverAppearsInErrors()
    {
        const string secret = "Sup3r-S3cret-Pw-91c";
        // Nothing listens on this port.
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var refused = PostgresTestBackends.Create($"Host=127.0.0.1;Port={port};Database=db1;Username=u;Password={secret};Timeout=3", "s");
        await using (var backend = refused.Backend!)
        {
            var ex = await Assert.ThrowsAsync<StateBackendException>(() => backend.Workspace("default").ReadAsync(Ct));
            Assert.Contains($"127.0.0.1:{port}/db1", ex.Message);
            Assert.DoesNotContain(secret, ex.ToString());
            Assert.DoesNotContain("Username", ex.ToString());
        }

        // A wrong password for a real server.
        var wrong = PostgresTestBackends.Create($"postgres://postgres:{secret}@127.0.0.1:{server.Port}/postgres", "s");
        await using (var backend = wrong.Backend!)
        {
            var ex = await Assert.ThrowsAsync<StateBackendException>(() => backend.ListWorkspacesAsync(Ct));
            Assert.Contains("password authentication failed", ex.Message);
            Assert.DoesNotContain(secret, ex.ToString());
        }

        // A connection string that cannot be read.
        var invalid = PostgresTestBackends.Create($"host=127.0.0.1 port=x{secret} password={secret}", "s");
        Assert.NotNull(invalid.Error);
        Assert.DoesNotContain(secret, invalid.Error);
        Assert.DoesNotContain(secret, PostgresTestBackends.Create($"Host=h;Port={secret};Password={secret}", "s").Error);
    }

    [Fact]
    public async Task WritesKeepTheLastTenPreviousVersions()
    {
        var schema = PostgresTestBackends.NewSchema();
        await using var backend = PostgresTestBackends.CreateOk(server, schema);
        var ws = backend.Workspace("default");
        Assert.True((await ws.WriteAsync(Blob("H", 1), null, Ct)).Written);
        for (var serial = 2; serial <= 15; serial++)
            Assert.True((await ws.WriteAsync(Blob("H", serial), new StateVersion("H", serial - 1), Ct)).Written);
        Assert.Equal(10L, await QueryAsync<long>($"SELECT count(*) FROM {schema}.provisioner_state_history WHERE workspace = 'default'"));
        Assert.Equal("5,6,7,8,9,10,11,12,13,14", await QueryAsync<string>(
            $"SELECT string_agg(serial::text, ',' ORDER BY id) FROM {schema}.provisioner_state_history WHERE workspace = 'default'"));
        Assert.Equal("{\"lineage\":\"H\",\"serial\":14}", await QueryAsync<string>(
            $"SELECT convert_from(data, 'UTF8') FROM {schema}.provisioner_state_history WHERE workspace = 'default' ORDER BY id DESC LIMIT 1"));
        Assert.Contains("provisioner_state_history", ws.PreviousVersionHint);
        // A refused write leaves history alone.
        Assert.False((await ws.WriteAsync(Blob("H", 16), new StateVersion("H", 3), Ct)).Written);
        Assert.Equal(10L, await QueryAsync<long>($"SELECT count(*) FROM {schema}.provisioner_state_history"));
    }

    [Fact]
    public async Task EightFirstUsersOfANewSchemaCreateItTogether()
    {
        var schema = PostgresTestBackends.NewSchema();
        var backends = Enumerable.Range(0, 8).Select(_ => PostgresTestBackends.CreateOk(server, schema)).ToList();
        try
        {
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var users = backends.Select((b, i) => Task.Run(async () =>
            {
                await go.Task;
                Assert.True((await b.Workspace($"w{i}").WriteAsync(Blob($"L{i}", 1), null, Ct)).Written);
            })).ToList();
            go.SetResult();
            await Task.WhenAll(users);
            Assert.Equal(9, (await backends[0].ListWorkspacesAsync(Ct)).Count);
            Assert.Equal(4L, await QueryAsync<long>(
                $"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{schema}' AND table_name LIKE 'provisioner\\_%'"));
        }
        finally
        {
            foreach (var b in backends)
                await b.DisposeAsync();
        }
    }

    [Fact]
    public async Task SkippedCreationOfMissingTablesIsAClearError()
    {
        var schema = PostgresTestBackends.NewSchema();
        var noTables = PostgresTestBackends.Create(server.ConnectionString, schema, extra: [new("skip_table_creation", true)]);
        await using (var backend = noTables.Backend!)
        {
            var ex = await Assert.ThrowsAsync<StateBackendException>(() => backend.Workspace("default").ReadAsync(Ct));
            Assert.Contains("skip_table_creation", ex.Message);
        }
        var noSchema = PostgresTestBackends.Create(server.ConnectionString, PostgresTestBackends.NewSchema(), extra: [new("skip_schema_creation", true)]);
        await using (var backend = noSchema.Backend!)
        {
            var ex = await Assert.ThrowsAsync<StateBackendException>(() => backend.Workspace("default").ReadAsync(Ct));
            Assert.Contains("skip_schema_creation", ex.Message);
        }
    }

    [Fact]
    public async Task ALiveHolderKeepsItsLeaseLongerThanItsTimeToLive()
    {
        await using var backend = PostgresTestBackends.CreateOk(server, PostgresTestBackends.NewSchema(), leaseTtl: 1);
        var held = await backend.Workspace("default").LockAsync(Request(), TimeSpan.Zero, Ct);
        Assert.True(held.Taken);
        await using var _ = held.Lock!;
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.False((await backend.Workspace("default").LockAsync(Request(), TimeSpan.Zero, Ct)).Taken);
        Assert.False(held.Lock!.Lost.IsCancellationRequested);
        Assert.True(((PostgresLease)held.Lock).Renewals >= 3);
    }

    [Fact]
    public async Task ALeaseTakenByAnotherCancelsLost()
    {
        var schema = PostgresTestBackends.NewSchema();
        await using var backend = PostgresTestBackends.CreateOk(server, schema, leaseTtl: 2);
        var held = await backend.Workspace("default").LockAsync(Request(), TimeSpan.Zero, Ct);
        await using var _ = held.Lock!;
        Assert.False(held.Lock!.Lost.IsCancellationRequested);
        await ExecAsync($"UPDATE {schema}.provisioner_locks SET lock_id = 'someone-else' WHERE workspace = 'default'");
        var watch = Stopwatch.StartNew();
        await WaitForAsync(held.Lock.Lost, TimeSpan.FromSeconds(5));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        // Releasing a lost lock leaves the new holder's row alone.
        await held.Lock.DisposeAsync();
        Assert.Equal("someone-else", await QueryAsync<string>($"SELECT lock_id FROM {schema}.provisioner_locks"));
    }

    [Fact]
    public async Task ALeaseThatCannotBeRenewedCancelsLostWithinItsTimeToLive()
    {
        var schema = PostgresTestBackends.NewSchema();
        await using var backend = PostgresTestBackends.CreateOk(server, schema, leaseTtl: 2);
        var held = await backend.Workspace("default").LockAsync(Request(), TimeSpan.Zero, Ct);
        await using var _ = held.Lock!;
        await ExecAsync($"DROP TABLE {schema}.provisioner_locks"); // every renewal now fails
        var watch = Stopwatch.StartNew();
        await WaitForAsync(held.Lock!.Lost, TimeSpan.FromSeconds(6));
        Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    private static async Task WaitForAsync(CancellationToken token, TimeSpan limit)
    {
        var done = new TaskCompletionSource();
        await using var reg = token.Register(() => done.TrySetResult());
        var finished = await Task.WhenAny(done.Task, Task.Delay(limit));
        Assert.True(finished == done.Task, $"Lost was not cancelled within {limit}");
    }

    [Fact]
    public async Task MeasuresTheBigStateAndJournalAppends()
    {
        // Figures for docs/performance.md (printed, not asserted).
        await using var backend = PostgresTestBackends.CreateOk(server, PostgresTestBackends.NewSchema());
        var state = BigStates.SimMachines("perf", 100_000);
        var store = new StateStore(backend.Workspace("default"));
        Assert.True((await store.WriteAsync(state, null, Ct)).Written); // warm-up (creates the tables)
        state.Serial = 2;
        var watch = Stopwatch.StartNew();
        Assert.True((await store.WriteAsync(state, new StateVersion("perf", 1), Ct)).Written);
        var write = watch.Elapsed;
        var local = Directory.CreateTempSubdirectory("prov-pg-compare-").FullName;
        try
        {
            var localStore = new StateStore(new State.Backends.Local.LocalBackend(Path.Combine(local, "s.json"), Path.Combine(local, "d")).Workspace("default"));
            await localStore.WriteAsync(state, null, Ct);
            watch.Restart();
            await localStore.ReadAsync(Ct);
            output.WriteLine($"(local backend, same state: read+decode {watch.Elapsed.TotalMilliseconds:F0} ms)");
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
        watch.Restart();
        watch.Restart();
        var bytes = (await backend.Workspace("default").ReadAsync(Ct))!.Bytes.Length;
        var rawRead = watch.Elapsed;
        watch.Restart();
        var (read, _) = await store.ReadAsync(Ct);
        var readTime = watch.Elapsed;
        Assert.Equal(100_000, read.Snapshot!.InstanceCount);

        const int appends = 300;
        var record = Encoding.UTF8.GetBytes("{\"seq\":1,\"op\":\"create\",\"address\":\"sim_machine.m1\",\"token\":\"0123456789abcdef0123456789abcdef\"}");
        using (var appender = backend.Workspace("default").Journal.OpenAppender())
        {
            appender.Flush(appender.Write(record)); // warm-up
            watch.Restart();
            for (var i = 0; i < appends; i++)
                appender.Flush(appender.Write(record));
        }
        var perAppend = watch.Elapsed / appends;
        var localJournal = Path.Combine(Path.GetTempPath(), $"prov-pg-compare-{Guid.NewGuid():N}.journal");
        try
        {
            using var file = Provisioner.State.Journal.FileJournalAppender.Open(localJournal);
            file.Flush(file.Write(record));
            watch.Restart();
            for (var i = 0; i < appends; i++)
                file.Flush(file.Write(record));
            output.WriteLine($"(local journal file on this machine: append + fsync {(watch.Elapsed / appends).TotalMilliseconds:F2} ms each)");
        }
        finally
        {
            File.Delete(localJournal);
        }
        Assert.Equal(appends + 1, Encoding.UTF8.GetString((await backend.Workspace("default").Journal.ReadAsync(Ct)).Span).Count(c => c == '\n'));
        output.WriteLine($"postgres: 100,000-resource state ({bytes / 1_000_000.0:F1} MB): write (incl. history copy) {write.TotalMilliseconds:F0} ms, read {rawRead.TotalMilliseconds:F0} ms, read+decode {readTime.TotalMilliseconds:F0} ms");
        output.WriteLine($"postgres: journal append (write + flush, committed) {perAppend.TotalMilliseconds:F2} ms each over {appends}");
    }
}
