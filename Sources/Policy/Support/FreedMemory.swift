#if canImport(Glibc)
import CMalloc
#endif
import SourceText

/// Memory the program has freed but the allocator still holds.
enum FreedMemory {
    /// Gives back to the system the pages glibc's allocator holds free inside its heaps
    /// (`malloc_trim`), when `plan` is a large plan's file (one that let its text go,
    /// `SourceFile.releaseText()`): once its parse trees, or its evaluation's objects, are
    /// gone, tens of megabytes lie free there, which would otherwise count towards the
    /// run's peak as the next step allocates elsewhere. For a small plan the call (it
    /// walks every heap) would cost more than it frees. Nothing on other systems.
    static func giveBack(ifLarge plan: SourceFile) {
        guard !plan.holdsText else { return }
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }
}
