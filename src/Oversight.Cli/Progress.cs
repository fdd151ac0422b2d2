using Spectre.Console;

namespace Oversight.Cli;

/// <summary>A live status line in a terminal; plain lines when output is redirected.</summary>
public static class Progress
{
    public static T Run<T>(string title, Func<IProgress<string>, T> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return work(new Immediate(line => Console.WriteLine($"{title}：{line}")));

        return AnsiConsole.Status().Start($"{title}…", ctx =>
            work(new Immediate(line => ctx.Status($"{title}：{Markup.Escape(line)}"))));
    }

    /// <summary>Reports on the calling thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Immediate(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
