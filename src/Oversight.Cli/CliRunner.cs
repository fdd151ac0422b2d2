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
            (FileNotFoundException, { } p) => Messages.FileNotFound(p),
            (DirectoryNotFoundException, { } p) => Messages.DirectoryNotFound(p),
            (UnauthorizedAccessException, { } p) => Messages.NoPermission(p),
            (_, { } p) => Messages.FileFailed(p, ex.Message),
            _ => Messages.FileFailed(ex.Message),
        };
    }
}
