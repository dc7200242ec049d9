import ArgumentParser
import Foundation
import Policy

/// `shore init [DIR]`: a new policy repository that works at once.
struct InitCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a policy repository: config, a rule with tests, an example plan, schemas, CI snippets.",
        discussion: "Never overwrites: when any file exists, lists them and exits 2.")

    @Argument(help: ArgumentHelp("The folder (default: the current one).", valueName: "dir"))
    var directory: String = "."

    func execute(_ io: CommandIO) throws -> Int32 {
        let root = io.resolve(directory)
        let manager = FileManager.default
        let conflicts = InitTemplates.conflicts { manager.fileExists(atPath: root + "/" + $0) }
        if !conflicts.isEmpty {
            io.err("error: shore init would overwrite existing files; nothing was written:\n"
                   + conflicts.map { "  \($0)\n" }.joined()
                   + "   = help: run it in an empty folder, or move these files away\n")
            return 2
        }
        for file in InitTemplates.files {
            let path = root + "/" + file.path
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                        withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path))
        }
        let shown = directory == "." ? "this folder" : directory
        io.out("Created a Shore policy repository in \(shown):\n"
               + InitTemplates.files.map { "  \($0.path)\n" }.joined()
               + "Next: shore lint && shore test && shore check plans/example.yaml   (exits 0)\n")
        return 0
    }
}
