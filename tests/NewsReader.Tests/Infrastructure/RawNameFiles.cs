using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NewsReader.Tests.Infrastructure;

/// <summary>
/// Makes files and links whose names are raw bytes (a Latin-1 "café.txt"), which no .NET string path can name: the
/// bytes go to libc as they are. Linux only.
/// </summary>
internal static partial class RawNameFiles
{
    private const int WriteOnly = 0x1, Create = 0x40, Truncate = 0x200, CloseOnExec = 0x80000;

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="folder"/>/<paramref name="name"/>.</summary>
    public static void Write(string folder, byte[] name, string text)
    {
        var fd = open(PathBytes(folder, name), WriteOnly | Create | Truncate | CloseOnExec, Convert.ToInt32("644", 8));
        if (fd < 0)
        {
            throw new IOException(Marshal.GetLastPInvokeErrorMessage());
        }

        using var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    public static void MakeFolder(string folder, byte[] name)
    {
        if (mkdir(PathBytes(folder, name), Convert.ToInt32("755", 8)) != 0)
        {
            throw new IOException(Marshal.GetLastPInvokeErrorMessage());
        }
    }

    /// <summary>A symbolic link named by raw bytes, pointing at <paramref name="target"/>.</summary>
    public static void Link(string folder, byte[] name, string target)
    {
        if (symlink([.. Encoding.UTF8.GetBytes(target), 0], PathBytes(folder, name)) != 0)
        {
            throw new IOException(Marshal.GetLastPInvokeErrorMessage());
        }
    }

    /// <summary>The name in Latin-1, as an old Windows share or a zip from one writes it.</summary>
    public static byte[] Latin1(string name) => Encoding.Latin1.GetBytes(name);

    private static byte[] PathBytes(string folder, byte[] name) => [.. Encoding.UTF8.GetBytes(folder), (byte)'/', .. name, 0];

    [LibraryImport("libc", SetLastError = true)]
    private static partial int open(byte[] path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mkdir(byte[] path, int mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int symlink(byte[] target, byte[] path);
}
