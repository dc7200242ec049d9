import ShoreCLI

#if canImport(Glibc)
import CMalloc
import Glibc

// Blocks of 128 KiB or more are mapped on their own and given back to the system when freed.
// glibc's default raises this threshold after the first such block is freed, so the large
// arrays a big plan's check makes and lets go of (a thread's findings, a rendered batch)
// would stay in the heap: about a tenth more peak memory on a 100,000-engagement plan.
mallopt(M_MMAP_THRESHOLD, 128 * 1024)
#endif

exit(ShoreMain.run(Array(CommandLine.arguments.dropFirst()), io: .terminal()))
