using System.Runtime.InteropServices;
using ActorEcho.Load.Output;
using Spectre.Console;

// Ctrl+C or SIGTERM ends the sending early and lets in-flight replies drain, so the summary still
// prints; a second signal terminates the process.
using var cancel = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    if (!cancel.IsCancellationRequested)
    {
        context.Cancel = true;
        cancel.Cancel();
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

// Redirected output (CI logs, compare.sh) gets plain text, not escape codes.
var console = Console.IsOutputRedirected
    ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors })
    : AnsiConsole.Console;
return await LoadApp.MainAsync(args, console, cancel.Token);
