using MudBlazor;

namespace SlaAdmin.Components.Layout;

/// <summary>A calm theme: deep teal on a light grey page, Vazirmatn throughout.</summary>
internal static class SlaTheme
{
    private static readonly string[] Font = ["Vazirmatn FD", "Tahoma", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0E5E6F",
            PrimaryDarken = "#0A4652",
            PrimaryLighten = "#3A8891",
            Secondary = "#5C6F7B",
            Tertiary = "#B07D2B",
            AppbarBackground = "#0E5E6F",
            AppbarText = "#FFFFFF",
            Background = "#F4F6F8",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#24323A",
            DrawerIcon = "#0E5E6F",
            TextPrimary = "#1F2A30",
            TextSecondary = "#5B6770",
            LinesDefault = "#E1E6EA",
            TableLines = "#E1E6EA",
            Success = "#2E7D5B",
            Warning = "#B7791F",
            Error = "#C0392B",
            Info = "#2F6F9F",
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            DrawerWidthRight = "240px",
            DrawerWidthLeft = "240px",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Font, LineHeight = "1.8" },
            H1 = new H1Typography { FontFamily = Font },
            H2 = new H2Typography { FontFamily = Font },
            H3 = new H3Typography { FontFamily = Font },
            H4 = new H4Typography { FontFamily = Font, FontSize = "1.9rem", FontWeight = "700" },
            H5 = new H5Typography { FontFamily = Font, FontSize = "1.45rem", FontWeight = "700" },
            H6 = new H6Typography { FontFamily = Font, FontSize = "1.15rem", FontWeight = "700" },
            Subtitle1 = new Subtitle1Typography { FontFamily = Font, FontWeight = "500" },
            Subtitle2 = new Subtitle2Typography { FontFamily = Font, FontWeight = "500" },
            Body1 = new Body1Typography { FontFamily = Font, LineHeight = "1.9" },
            Body2 = new Body2Typography { FontFamily = Font, LineHeight = "1.8" },
            Button = new ButtonTypography { FontFamily = Font, FontWeight = "500", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = Font },
            Overline = new OverlineTypography { FontFamily = Font },
        },
    };
}
