using Oversight.Warehouse;

namespace Oversight.Cli;

/// <summary>Runs a command body and turns failures into a Chinese message and an exit code.</summary>
public static class CliRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is WarehouseException or Reports.ReportException or Assessment.AssessmentException or Analytics.AnalyticsException or Jobs.JobException)
        {
            Console.Error.WriteLine($"错误：{ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"错误：文件读写失败：{ex.Message}");
            return 1;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"错误：程序内部错误（{ex.GetType().Name}）：{ex.Message}");
            if (Environment.GetEnvironmentVariable("OVERSIGHT_DEBUG") == "1") Console.Error.WriteLine(ex);
            return 2;
        }
    }
}
