import ArgumentParser
import Policy
import ShoreLSP

/// `shore lsp`: the language server, over stdin and stdout (see docs/editors.md).
struct LSPCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over stdin/stdout) for rule files, tests, waivers, shore.yaml and plans.",
        discussion: "Exit codes: 0 after the client's shutdown and exit; 1 when input ends or exit comes without shutdown.")

    @Flag(help: "Accepted for editors that pass it; stdio is the only transport.")
    var stdio = false

    func execute(_ io: CommandIO) throws -> Int32 {
        StdioServer.run(version: ShoreVersion.current)
    }
}
