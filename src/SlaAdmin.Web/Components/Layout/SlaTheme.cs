using MudBlazor;

namespace SlaAdmin.Components.Layout;

internal static class SlaTheme
{
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Vazirmatn FD", "Tahoma", "sans-serif"] },
        },
    };
}
