/// `io.*`: an input path that cannot be read as a file.
extension DiagnosticCode {
    public static let ioUnreadable = DiagnosticCode(
        "io.unreadable", "The file exists but cannot be read (permissions, a read error).",
        example: "cannot read plans/a.yaml: Permission denied")
    public static let ioIsDirectory = DiagnosticCode(
        "io.is-directory", "A folder was given where a file is expected.",
        example: "plans is a directory, not a file")
    public static let ioNotAFile = DiagnosticCode(
        "io.not-a-file", "The path is neither a file nor a folder (a device, a pipe, a socket).",
        example: "/dev/tty is a character device, not a regular file")
    public static let ioBrokenLink = DiagnosticCode(
        "io.broken-link", "The path is a symbolic link to something that does not exist.",
        example: "plans/a.yaml is a symbolic link to old/a.yaml, which does not exist")

    static let ioCodes: [DiagnosticCode] = [ioUnreadable, ioIsDirectory, ioNotAFile, ioBrokenLink]
}
