namespace NewsReader.Ingestion;

/// <summary>
/// Which files under the seeds folder may be read. Symbolic links are not followed unless the setting allows links,
/// and then only links whose final target stays inside the seeds folder: a link to /etc/passwd or to a folder elsewhere
/// must never become an article. Hidden files and folders (".git", ".DS_Store") are not articles either.
/// </summary>
public static class SeedFiles
{
    public static IEnumerable<string> Enumerate(string root, bool followLinks)
    {
        var found = new List<string>();
        var folders = new Stack<string>([root]);
        while (folders.Count > 0)
        {
            var current = folders.Pop();
            List<FileSystemInfo> entries;
            try
            {
                entries = RawFileNames.IsRaw(current) ? [] : new DirectoryInfo(current).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true }).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            // Names .NET could not decode are listed again by their bytes; where that cannot be done they stay, to be refused with a reason.
            var undecodable = entries.Where(e => e.Name.Contains('\uFFFD', StringComparison.Ordinal) && !Path.Exists(e.FullName)).ToList();
            if ((undecodable.Count > 0 || RawFileNames.IsRaw(current)) && RawFileNames.List(current) is { } raw)
            {
                entries = entries.Except(undecodable).ToList();
                foreach (var entry in raw.Where(e => !IsPageResource(e.Path)))
                {
                    if (entry.IsFolder)
                    {
                        folders.Push(entry.Path);
                    }
                    else
                    {
                        found.Add(entry.Path);
                    }
                }
            }

            foreach (var entry in entries.Where(e => !e.Name.StartsWith('.') && !IsPageResource(e.FullName) && (e.LinkTarget is null || followLinks && LinkStaysInside(root, e))))
            {
                if (entry is DirectoryInfo)
                {
                    if (entry.LinkTarget is null)
                    {
                        folders.Push(entry.FullName);
                    }
                }
                else
                {
                    found.Add(entry.FullName);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>
    /// Not an article but part of one: an image (a Markdown file's pictures), or the "Name_files" folder a browser's
    /// "save complete page" writes beside "Name.html", and anything in it (its pictures, styles, scripts, frames).
    /// </summary>
    public static bool IsPageResource(string path)
    {
        if (Path.GetExtension(path).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp" or ".avif" or ".svg")
        {
            return true;
        }

        for (var folder = path; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            var name = Path.GetFileName(folder);
            if (name.EndsWith("_files", StringComparison.Ordinal) && name.Length > "_files".Length && Path.GetDirectoryName(folder) is { } parent)
            {
                var page = Path.Combine(parent, name[..^"_files".Length]);
                if (File.Exists(page + ".html") || File.Exists(page + ".htm"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether one file (a watcher event) may be read: inside the folder, not hidden, and not a link unless allowed.</summary>
    public static bool MayRead(string root, string path, bool followLinks)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Ingester.IsHidden(root, full))
        {
            return false;
        }

        // Every folder on the way and the file itself: a link anywhere in between could lead out.
        for (var current = full; current.Length > root.Length; current = Path.GetDirectoryName(current)!)
        {
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null && !(followLinks && LinkStaysInside(root, info)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A folder linked into seeds is not walked even when links are allowed: its files could be reached twice, or loop.</summary>
    private static bool LinkStaysInside(string root, FileSystemInfo link)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            return target is FileInfo { Exists: true } file && RealPath(file.FullName).StartsWith(RealPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // a loop of links, or one that cannot be resolved
        }
    }

    private static string RealPath(string path)
    {
        var info = new DirectoryInfo(path);
        var parts = new Stack<string>();
        // Resolve links in the folders above, so "inside" is decided on where the bytes really are.
        for (var current = info; current is not null; current = current.Parent)
        {
            if (current.LinkTarget is not null && current.ResolveLinkTarget(returnFinalTarget: true) is { } resolved)
            {
                return Path.Combine([RealPath(resolved.FullName), .. parts]);
            }

            parts.Push(current.Name);
            if (current.Parent is null)
            {
                return path;
            }
        }

        return path;
    }

    /// <summary>
    /// A stored path as readers may see it: relative to the seeds folder, with '/' between folders; a file outside it
    /// (a one-off <c>ingest</c> of another folder) shows its name only. Characters a name could not be decoded into
    /// (U+FFFD) and control characters are shown as escapes, so the page says the name was not valid text.
    /// </summary>
    public static string Display(string seedsPath, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        var root = Path.GetFullPath(seedsPath);
        var shown = path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')
            : Path.GetFileName(path);
        return string.Concat(shown.Select(c => c == '\uFFFD' || char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
    }
}
