import ArgumentParser
import SourceText

/// A subcommand that runs against a `CommandIO` and returns its exit code, so tests
/// can run it in-process and read what it wrote.
protocol ShoreCommand: ParsableCommand {
    func execute(_ io: CommandIO) throws -> Int32
}

extension ShoreCommand {
    /// For ArgumentParser's own entry point; `shore` itself runs through `ShoreMain.run`.
    public mutating func run() throws {
        let io = CommandIO.terminal()
        let code: Int32
        do {
            code = io.finish(try execute(io))
        } catch {
            _ = io.finish(2)
            throw error
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// Runs the `shore` command line. Usage errors exit 2, like any other invalid input; so
/// does a report that cannot be written (a coded diagnostic on stderr).
public enum ShoreMain {
    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        io.finish(execute(arguments, io: io))
    }

    private static func execute(_ arguments: [String], io: CommandIO) -> Int32 {
        do {
            var command = try CommandLineParser.parse(arguments)
            if let command = command as? any ShoreCommand {
                return try command.execute(io)
            }
            // `help`, `--help` and the bare root command: ArgumentParser answers them by
            // throwing a clean exit that carries the right help text (caught below).
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let diagnostic as Diagnostic {
            io.err(DiagnosticRenderer().render(diagnostic))
            return 2
        } catch {
            let code = Shore.exitCode(for: error)
            if code == .success {
                io.out(Shore.fullMessage(for: error) + "\n")
                return 0
            }
            io.err(Shore.fullMessage(for: error) + "\n")
            return 2
        }
    }
}
