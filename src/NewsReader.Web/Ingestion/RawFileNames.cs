using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

namespace NewsReader.Ingestion;

/// <summary>
/// File names that are not valid UTF-8 (a Latin-1 "café.txt" on Linux). .NET decodes every name it lists as UTF-8 and
/// puts U+FFFD for the bytes it cannot, so that string names no file. Such a folder is listed again with libc
/// <c>readdir</c>; every byte of a name that is not UTF-8 is written <c>\xE9</c> in the file's path (the path stored,
/// shown and compared on re-ingest), and that path is remembered with the raw bytes, so the file is opened by them
/// with <c>open(2)</c>. Linux only: elsewhere, and when an escaped path is also a real name, the file stays refused.
/// </summary>
internal static unsafe partial class RawFileNames
{
    // struct dirent on 64-bit Linux (glibc and musl): d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
    private const int TypeOffset = 18;
    private const int NameOffset = 19;
    private const byte UnknownType = 0, FolderType = 4, FileType = 8;

    private const int ReadOnly = 0, NonBlocking = 0x800, CloseOnExec = 0x80000;

    // O_NOFOLLOW is 0100000 where the kernel's generic flags are not used (ARM, PowerPC), 0400000 elsewhere.
    private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm or Architecture.Ppc64le ? 0x8000 : 0x20000;

    private const int NoSuchFile = 2, TooManyLinks = 40;

    private static readonly ConcurrentDictionary<string, byte[]> RawPaths = new(StringComparer.Ordinal);

    public readonly record struct Entry(string Path, bool IsFolder);

    /// <summary>Whether the path is a name (or lies in a folder) that only its raw bytes can open.</summary>
    public static bool IsRaw(string path) => RawPaths.ContainsKey(path);

    /// <summary>
    /// The entries of a folder that .NET cannot name: files (regular or of unknown type) and folders whose names are not
    /// UTF-8, or every one when the folder itself is such a name. Hidden names and links are left out, as everywhere in
    /// seeds. Null when the folder cannot be listed this way.
    /// </summary>
    public static List<Entry>? List(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var rawFolder = RawPaths.GetValueOrDefault(folder);
        var dir = opendir(NulTerminated(rawFolder ?? Encoding.UTF8.GetBytes(folder)));
        if (dir == 0)
        {
            return null;
        }

        try
        {
            var found = new List<Entry>();
            for (var entry = (byte*)readdir(dir); entry != null; entry = (byte*)readdir(dir))
            {
                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry + NameOffset);
                var type = entry[TypeOffset];
                if (name[0] == (byte)'.' || type is not (UnknownType or FolderType or FileType) || rawFolder is null && Utf8.IsValid(name))
                {
                    continue;
                }

                var path = Path.Join(folder, Escape(name));
                if (!IsRaw(path) && Path.Exists(path))
                {
                    // A real name reads like this escape: keep the undecodable name, which is refused with its reason.
                    found.Add(new Entry(Path.Join(folder, Encoding.UTF8.GetString(name)), type == FolderType));
                    continue;
                }

                RawPaths[path] = [.. rawFolder ?? Encoding.UTF8.GetBytes(folder), (byte)'/', .. name];
                found.Add(new Entry(path, type == FolderType));
            }

            return found;
        }
        finally
        {
            _ = closedir(dir);
        }
    }

    /// <summary>
    /// Opens a file listed by <see cref="List"/> by its raw bytes, or null for any other path. A link is not followed
    /// (<c>O_NOFOLLOW</c>), and a FIFO cannot make the open wait.
    /// </summary>
    public static SafeFileHandle? Open(string path)
    {
        if (!RawPaths.TryGetValue(path, out var raw))
        {
            return null;
        }

        var fd = open(NulTerminated(raw), ReadOnly | NoFollow | NonBlocking | CloseOnExec);
        if (fd >= 0)
        {
            return new SafeFileHandle(fd, ownsHandle: true);
        }

        var error = Marshal.GetLastPInvokeError();
        throw error switch
        {
            NoSuchFile => new FileNotFoundException("The file is gone.", path),
            TooManyLinks => new IOException("It is a symbolic link, which is not followed."),
            _ => new IOException(Marshal.GetPInvokeErrorMessage(error)),
        };
    }

    /// <summary>The name with every byte that is not part of a UTF-8 character written as <c>\xHH</c>.</summary>
    public static string Escape(ReadOnlySpan<byte> name)
    {
        var text = new StringBuilder(name.Length + 8);
        while (!name.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(name, out var rune, out var used) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                foreach (var b in name[..used])
                {
                    text.Append($"\\x{b:X2}");
                }
            }

            name = name[used..];
        }

        return text.ToString();
    }

    private static byte[] NulTerminated(byte[] path) => [.. path, 0];

    [LibraryImport("libc", SetLastError = true)]
    private static partial int open(byte[] path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint opendir(byte[] path);

    [LibraryImport("libc")]
    private static partial nint readdir(nint dir);

    [LibraryImport("libc")]
    private static partial int closedir(nint dir);
}
