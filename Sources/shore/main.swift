import ShoreCLI

#if canImport(Glibc)
import CMalloc
import Glibc

// Blocks of 4 MiB or more are mapped on their own and given back to the system when freed.
// glibc's default raises this threshold after the first such block is freed, so the large
// arrays a big plan's check makes and lets go of (a thread's findings, a piece of the file's
// tree) would stay in the heap: about a tenth more peak memory on a 100,000-engagement plan.
// Smaller blocks stay in the heap, where reusing them costs no page faults (at 128 KiB the
// same check took about 5 % longer).
mallopt(M_MMAP_THRESHOLD, 4 << 20)
#endif

exit(ShoreMain.run(Array(CommandLine.arguments.dropFirst()), io: .terminal()))
