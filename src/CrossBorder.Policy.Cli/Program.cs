using System;
using System.IO;
using System.Text;

namespace CrossBorder.Policy.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            // Table borders and status symbols are Unicode; older Windows consoles default to a code page.
            Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        catch (IOException)
        {
            // No console attached (a service, some CI hosts): the default encoding is kept.
        }

        return CliApp.Run(args, CliEnvironment.FromConsole());
    }
}
