using Microsoft.AspNetCore.Localization;

namespace Parley.Web;

/// <summary>The page language a browser keeps: the culture cookie the request localization reads.</summary>
public static class Languages
{
    /// <summary>The language pages are shown in now ("en" or "ru"), for names the directory has in it.</summary>
    public static string Current => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static bool Chosen(HttpRequest request) => request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName);

    /// <summary>Keeps <paramref name="language"/> ("en" or "ru") for a year.</summary>
    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax });
}
