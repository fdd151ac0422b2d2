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
        catch (Exception ex) when (ex is WarehouseException or Reports.ReportException or Assessment.AssessmentException or Analytics.AnalyticsException or Jobs.JobException
                                   or Rectification.RectificationException or Calendar.PeriodFormatException)
        {
            Console.Error.WriteLine(Messages.Error(ex.Message));
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(Messages.Error(FileError(ex)));
            return 1;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine(Messages.InternalError(ex.GetType().Name, ex.Message));
            if (Environment.GetEnvironmentVariable("OVERSIGHT_DEBUG") == "1") Console.Error.WriteLine(ex);
            return 2;
        }
    }

    /// <summary>.NET's file errors are English; the path they quote is what the user needs, in a Chinese sentence.</summary>
    internal static string FileError(Exception ex)
    {
        var quoted = System.Text.RegularExpressions.Regex.Match(ex.Message, "'([^']+)'");
        var path = ex is FileNotFoundException { FileName: { } name } ? name : quoted.Success ? quoted.Groups[1].Value : null;
        return (ex, path) switch
        {
            (FileNotFoundException, { } p) => $"找不到文件：{p}",
            (DirectoryNotFoundException, { } p) => $"路径中的目录不存在：{p}",
            (UnauthorizedAccessException, { } p) => $"没有权限读写：{p}（请检查文件和目录的权限，或换一个用户运行）",
            (_, { } p) => $"文件读写失败：{p}（{ex.Message}）",
            _ => $"文件读写失败：{ex.Message}",
        };
    }
}
