using System.Threading;

namespace CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

public static class TempDirectory
{
    /// <summary>Deletes a folder tree, retrying briefly while a just-ended build process still holds a file.</summary>
    public static void DeleteQuietly(string path)
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200 * (attempt + 1));
            }
        }
    }
}
