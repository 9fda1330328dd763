using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Access;
using Parley.Record;

namespace Parley.Web;

/// <summary>
/// What both faces of a write share: the clock, the write path, and one way of answering. The API gets
/// ProblemDetails (<see cref="Problems"/>); pages get the error in <c>ModelState</c> under its field
/// (<see cref="ParleyPage"/>). The actor is the one resolved at the edge, so both record the same name.
/// </summary>
public sealed class UseCaseEdge(Recorder recorder, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Result<T>> WriteAsync<T>(Actor actor, Func<WriteScope, CancellationToken, Task<Result<T>>> work, CancellationToken ct) =>
        recorder.WriteAsync(actor.Recorded, work, ct);

    public async Task<IResult> WriteHttpAsync<T>(Actor actor, Func<WriteScope, CancellationToken, Task<Result<T>>> work, Func<T, IResult> ok, CancellationToken ct) =>
        (await WriteAsync(actor, work, ct)).ToHttp(ok);
}

/// <summary>
/// The pages' base: the signed-in <see cref="Actor"/> resolved once, and the page face of the one error channel:
/// a refused write puts its message in <c>ModelState</c> under the field it names, where the form shows it beside
/// that input (<c>field-error</c>); <see cref="Error"/> holds what no input on the page stands for.
/// </summary>
public abstract class ParleyPage : PageModel
{
    private Actor? _actor;

    public Actor Actor => _actor ??= Actor.Of(User);

    /// <summary>The fields this page's forms show errors beside; any other field's error is shown at the top.</summary>
    protected virtual IReadOnlySet<string> InlineFields { get; } = new HashSet<string>();

    /// <summary>The page-level message: an error no input on the page stands for. Setting it adds one that belongs to no field.</summary>
    public string? Error
    {
        // ModelState keys ignore case (a bound "Subject" and a refusal naming "subject" are one entry).
        get => ModelState.Where(e => !InlineFields.Any(f => string.Equals(f, e.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
        protected set
        {
            if (value is not null)
                ModelState.AddModelError("", value);
        }
    }

    /// <summary>The write path for this request, for pages that run a write themselves.</summary>
    protected UseCaseEdge Edge => HttpContext.RequestServices.GetRequiredService<UseCaseEdge>();

    /// <summary>The message for one field, shown beside its input.</summary>
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// Says what was done on the next page the user sees (the redirect after a write), in their language:
    /// the layout shows it once, then it is gone.
    /// </summary>
    protected IActionResult Done(IActionResult next, string message, params object[] args)
    {
        var text = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Text>>();
        TempData[DoneKey] = text[message, args].Value;
        return next;
    }

    /// <summary>The TempData entry the layout reads for <see cref="Done"/>.</summary>
    public const string DoneKey = "done";

    protected void Show(DomainError error) => ModelState.AddModelError(error.Field, error.Message);

    protected void Show(string message) => ModelState.AddModelError("", message);

    /// <summary>
    /// Runs a write as the page's actor, if the actor may (<paramref name="needs"/>): on success <paramref name="done"/>
    /// (usually a redirect), else the error in ModelState and the page shown again by <paramref name="again"/>.
    /// </summary>
    protected Task<IActionResult> WriteAsync<T>(Permission needs, Func<WriteScope, CancellationToken, Task<Result<T>>> work,
        Func<T, IActionResult> done, Func<Task<IActionResult>> again, CancellationToken ct) =>
        WriteAsync(needs, work, value => Task.FromResult(done(value)), again, ct);

    /// <summary>As above, for a page that shows itself again after success too (with what was done).</summary>
    protected async Task<IActionResult> WriteAsync<T>(Permission needs, Func<WriteScope, CancellationToken, Task<Result<T>>> work,
        Func<T, Task<IActionResult>> done, Func<Task<IActionResult>> again, CancellationToken ct)
    {
        if (!Actor.May(needs))
            return Forbid();
        var result = await Edge.WriteAsync(Actor, work, ct);
        if (result.Succeeded)
            return await done(result.Value!);
        Show(result.Error!);
        return await again();
    }
}

public static class PermissionEndpoints
{
    /// <summary>The endpoint needs <paramref name="permission"/> (an authorization policy of the same name).</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission.ToString());
}
