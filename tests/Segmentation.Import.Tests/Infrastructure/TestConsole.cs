using Spectre.Console;

namespace Segmentation.Import.Tests.Infrastructure;

/// <summary>A Spectre console writing plain text (no colours, not interactive) to a string.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter _writer = new();

    public TestConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        Console.Profile.Width = 200;
    }

    public IAnsiConsole Console { get; }

    public string Output => _writer.ToString();
}
