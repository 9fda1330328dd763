using System.Runtime.InteropServices;

namespace Parley.Record;

/// <summary>
/// Files Parley writes are readable by their owner only: the data folder is 0700, the store, the vault and the
/// key ring 0600. The process umask is 077 from the first line of <c>Program</c>, so files that libraries create
/// (SQLite's journal, Data Protection's ring, exports) follow; stores made by earlier releases are tightened
/// when they open.
/// </summary>
public static class OwnerOnly
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Sets the umask to 077: new files 0600, new folders 0700.</summary>
    public static void ForThisProcess()
    {
        if (!OperatingSystem.IsWindows())
            _ = Umask(0b000_111_111);
    }

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            System.IO.Directory.CreateDirectory(path);
        else
        {
            System.IO.Directory.CreateDirectory(path, Folder);
            System.IO.File.SetUnixFileMode(path, Folder);
        }
    }

    /// <summary>Narrows an existing folder and the files directly in it to the owner.</summary>
    public static void Restrict(string folder)
    {
        if (OperatingSystem.IsWindows() || !System.IO.Directory.Exists(folder))
            return;
        System.IO.File.SetUnixFileMode(folder, Folder);
        foreach (var file in System.IO.Directory.EnumerateFiles(folder))
            System.IO.File.SetUnixFileMode(file, File);
    }

    /// <summary>Writes a whole file at once: a temporary owner-only file renamed over the old one, so a crash leaves one or the other.</summary>
    public static void WriteAllText(string path, string text)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = File;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        System.IO.File.Move(temporary, path, overwrite: true);
    }

    // DllImport, not LibraryImport: the generator needs unsafe code for one blittable call.
#pragma warning disable SYSLIB1054, CA5392
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
#pragma warning restore SYSLIB1054, CA5392
}
