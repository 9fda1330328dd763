using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Parley.Web;

/// <summary>
/// <c>&lt;field-error for="subject" /&gt;</c> beside an input shows the refusal that names that field (put in
/// ModelState by <see cref="ParleyPage"/>), and nothing when there is none. It is the page's alert unless the
/// page also says the refusal in its banner (which proposal of an import), so there is one alert, not two.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string For { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ModelState.TryGetValue(For, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        // One alert per page: the banner when the page shows one, else the refusal beside its field.
        if (ViewContext.ViewData.Model is not ParleyPage { Error: not null })
            output.Attributes.SetAttribute("role", "alert");
        output.Content.SetContent(entry.Errors[0].ErrorMessage);
    }
}
