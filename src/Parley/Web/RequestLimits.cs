namespace Parley.Web;

/// <summary>How large a request body may be: small everywhere, larger only where a file is the point.</summary>
public static class RequestLimits
{
    /// <summary>Any request: JSON bodies, forms, a calendar or busy-time export.</summary>
    public const long Body = 4 * 1024 * 1024;

    /// <summary>A letter's sealed copy (10 MB) with its multipart framing.</summary>
    public const long Attachment = 12 * 1024 * 1024;
}
