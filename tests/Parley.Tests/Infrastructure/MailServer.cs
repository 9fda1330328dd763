using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Parley.Tests.Infrastructure;

/// <summary>A real SMTP server (the SmtpServer package) on a loopback port, keeping every message it accepts.</summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly Store _store = new();

    private MailServer(int port, (string User, string Password)? login)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e =>
        {
            e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
            // Loopback without TLS: a server that asks for a sign-in must allow it in the clear.
            if (login is not null)
                e.AuthenticationRequired().AllowUnsecureAuthentication();
        }).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        if (login is { } required)
            services.Add(new Login(required.User, required.Password));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
    }

    public int Port { get; }

    public Uri Address => new($"smtp://127.0.0.1:{Port}");

    public IReadOnlyList<MimeMessage> Messages => [.. _store.Messages];

    public static MailServer Start(int? port = null, (string User, string Password)? login = null) => new(port ?? ParleyProcess.FreePort(), login);

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived (at most a minute), and returns them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count)
    {
        for (var waited = TimeSpan.Zero; _store.Messages.Count < count && waited < TimeSpan.FromMinutes(1); waited += TimeSpan.FromMilliseconds(200))
            await Task.Delay(200);
        Assert.True(_store.Messages.Count >= count, $"{_store.Messages.Count} of {count} messages arrived within a minute");
        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _running;
    }

    private sealed class Login(string user, string password) : SmtpServer.Authentication.UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string name, string secret, CancellationToken cancellationToken) =>
            Task.FromResult(name == user && secret == password);
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
