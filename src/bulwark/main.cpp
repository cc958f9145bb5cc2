#include "bulwark/cli/app.hpp"

#ifdef BULWARK_MIMALLOC
#include <mimalloc.h>

#include <string_view>

namespace {

// Back mimalloc's heap with 2 MiB transparent huge pages, as MIMALLOC_LARGE_OS_PAGES=1 does: a
// corpus scan otherwise takes about 8,500 page faults, a third of its CPU time on a virtual machine
// (docs/performance.md). It must run before the first allocation, which happens in shared
// libraries' initialisers, so it is in .preinit_array, which runs before them; it reads the
// environment from its arguments (libc's getenv may not be ready), and the MIMALLOC_* variables,
// when the user sets them, still decide.
bool in_environment(char** envp, std::string_view name) {
    for (char** e = envp; e != nullptr && *e != nullptr; ++e) {
        std::string_view entry(*e);
        if (entry.size() > name.size() && entry.starts_with(name) && entry[name.size()] == '=') {
            return true;
        }
    }
    return false;
}

void use_large_os_pages(int /*argc*/, char** /*argv*/, char** envp) {
    if (!in_environment(envp, "MIMALLOC_LARGE_OS_PAGES")) {
        mi_option_enable(mi_option_large_os_pages);
    }
    // Worker threads (-j2 and more) too: by default mimalloc commits a thread's first segment
    // lazily, in small pages, and -j2 took 6,100 page faults and more time than -j1. Each worker's
    // heap then holds about 6 MB more resident memory (docs/performance.md).
    if (!in_environment(envp, "MIMALLOC_EAGER_COMMIT_DELAY")) {
        mi_option_set(mi_option_eager_commit_delay, 0);
    }
}

[[gnu::section(".preinit_array"),
  gnu::used]] void (*const k_preinit_large_os_pages)(int, char**, char**) = use_large_os_pages;

}  // namespace
#endif

int main(int argc, char** argv) {
    return bulwark::cli::run(argc, argv);
}
