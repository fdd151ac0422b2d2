using Oversight.Reports;

namespace Oversight.Tests.Reports;

/// <summary>What a county's settings.json leaves out of the 通报's form comes from the shipped settings.json, the one place
/// the defaults are written.</summary>
public class ReportSettingsDefaultsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static MonthlyFormSettings Shipped() => ReportSettings.Load(new TemplateFolder()).Monthly;

    [Fact]
    public void A_county_file_that_sets_one_element_keeps_the_shipped_others()
    {
        File.WriteAllText(_dir.File("settings.json"), """{ "monthly": { "main_to": "各乡镇", "requirements": [] } }""");
        var own = ReportSettings.Load(new TemplateFolder(countyRoot: _dir.Path)).Monthly;
        var shipped = Shipped();
        Assert.Equal("各乡镇", own.MainTo);
        Assert.Equal(shipped.CopyTo, own.CopyTo);
        Assert.Equal(shipped.DocumentNumber, own.DocumentNumber);
        Assert.Equal(shipped.IssuingBodies, own.IssuingBodies);
        Assert.Equal(shipped.Requirements, own.Requirements);
        Assert.Contains(shipped.Requirements, r => r.Contains("{follow_up}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_templates_folder_without_settings_gets_the_shipped_form()
    {
        var own = ReportSettings.Load(new TemplateFolder(_dir.Path)).Monthly;
        Assert.Equal("{short}政务监〔{year}〕{seq}号", own.DocumentNumber);
        Assert.Equal(Shipped().Requirements, own.Requirements);
    }
}
