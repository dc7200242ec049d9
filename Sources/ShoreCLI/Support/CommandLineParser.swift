import ArgumentParser

/// Parses `shore`'s command line, with a fast path for the common case.
///
/// ArgumentParser's `parseAsRoot` first looks for `--generate-completion-script` by
/// building and reflecting two hidden commands (about 1.6 M of a small check's 40 M
/// instructions). A root marked as a pseudo-command (`_superCommandName`) skips that look,
/// so a command line that names no completion flag is first parsed with such a twin of
/// `Shore`. Only a subcommand that parsed cleanly is taken from it: help, `--version`,
/// every usage error and anything about completions is parsed again with `Shore` itself,
/// so what the user sees there is exactly ArgumentParser's own text.
enum CommandLineParser {
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        if !arguments.contains(where: { $0.contains("-completion") }),
           let command = try? ShoreWithoutCompletionCheck.parseAsRoot(arguments), command is any ShoreCommand {
            return command
        }
        return try Shore.parseAsRoot(arguments)
    }
}

/// `Shore` with the same subcommands, as a pseudo-command: for `CommandLineParser`'s fast
/// path only, never for text shown to the user (its usage line would differ).
private struct ShoreWithoutCompletionCheck: ParsableCommand {
    static let configuration: CommandConfiguration = {
        var configuration = Shore.configuration
        configuration._superCommandName = "shore"
        return configuration
    }()
}
