using System.Runtime.InteropServices;

namespace CleanroomsStack.Cli.Files;

/// <summary>What a path is, following symbolic links (a link to /proc/self/fd/1 is the pipe or terminal it ends at).</summary>
internal enum FileKind { Absent, Regular, Directory, CharacterDevice, BlockDevice, Fifo, Socket, Unknown }

internal static class FileKinds
{
    /// <summary>
    /// .NET tells a directory from a file but not a device or a FIFO from a regular file, and opening a FIFO blocks, so on
    /// Linux this asks the kernel with statx(2), whose layout is the same on every architecture. Elsewhere anything
    /// that exists and isn't a directory counts as regular.
    /// </summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && StatxMode(path) is { } mode) return FromMode(mode);
        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Absent;
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.Regular => "a regular file",
        FileKind.Absent => "missing",
        _ => "not a regular file",
    };

    private static FileKind FromMode(int mode) => (mode & 0xF000) switch
    {
        0 => FileKind.Absent,
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, uid, gid, then u16 mode
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    /// <summary>The st_mode of the path, 0 when it doesn't exist, or null when statx isn't available.</summary>
    private static int? StatxMode(string path)
    {
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) == 0) return BitConverter.ToUInt16(buffer, StatxModeOffset);
            return Marshal.GetLastPInvokeError() is NoSuchFile or NotADirectory ? 0 : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a libc without statx (glibc before 2.28, musl before 1.2.5)
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
