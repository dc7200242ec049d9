import ShoreCLI

#if canImport(Glibc)
import Glibc
#endif

exit(ShoreMain.run(Array(CommandLine.arguments.dropFirst()), io: .terminal()))
