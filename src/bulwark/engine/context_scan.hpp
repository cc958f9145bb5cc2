#pragma once
// The build context of a Dockerfile read from disk: which files `docker build` would send (the
// Dockerfile's directory, filtered by Dockerfile.dockerignore or .dockerignore), secrets in their
// names and contents, and the context rules over them.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bulwark/engine/inputs.hpp"
#include "bulwark/engine/suppress.hpp"
#include "bulwark/input/context/dockerignore.hpp"
#include "bulwark/model/context.hpp"
#include "bulwark/report/report.hpp"
#include "bulwark/rules/secrets/scanner.hpp"
#include "bulwark/util/filesystem.hpp"
#include "bulwark/util/once.hpp"

namespace bulwark::engine {

/// Most files of one context that are looked at; past it the walk stops and a note says so.
inline constexpr size_t k_context_file_cap = 20000;
/// Contents of a sent file are scanned for secrets up to this size.
inline constexpr uint64_t k_context_read_cap = 1024 * 1024;
/// Bytes of one context read for secrets: files are read in path order until they add up to it.
inline constexpr uint64_t k_context_read_budget = 64ULL * 1024 * 1024;
/// Sent files read ahead together (FileSystem::prefetch) while the budget lasts.
inline constexpr size_t k_context_read_ahead = 64;

/// What one scan learns of each context directory, once: the walk, which files are credential files
/// by name, and the secrets in each file's contents. Dockerfiles sharing a directory (Dockerfile,
/// Dockerfile.dev, ...) share it, and those sharing an ignore file share what it sends, so a
/// directory of many Dockerfiles is walked, matched and read once, not once per Dockerfile.
/// Thread-safe: the scan's workers share one.
class ContextCache {
  public:
    struct InputSlot;  // the bytes of one scan input, kept for its scan (opaque)
    struct File {
        std::string rel;           // relative to the root, '/'-separated
        std::string disk;          // as the FileSystem names it
        bool secret_name = false;  // a credential file by its name (rules/secrets/files.hpp)
        /// Secrets in the contents; filled on first use (text files only: a NUL byte means none).
        std::vector<model::ContextSecret> secrets;
        uint64_t bytes_read = 0;     // what that read took from the read budget
        bool too_large = false;      // over k_context_read_cap: not read
        bool unreadable = false;     // the read failed otherwise (permissions, gone since the walk)
        InputSlot* input = nullptr;  // when the file is also a scan input: where its bytes go
        util::Once read;
    };
    struct Sent;
    struct Directory {
        std::string prefix;               // what precedes the path of a file below the root ("" for ".")
        bool has_git = false;             // a `.git` at the root
        bool has_ignore_file = false;     // a `.dockerignore` at the root
        bool lists_ignore_files = false;  // some file of `files` is named `*.dockerignore`
        bool truncated = false;           // more than k_context_file_cap files: `files` holds the first ones
        std::vector<util::WalkError> unreadable;   // directories the walk could not read
        std::vector<std::unique_ptr<File>> files;  // sorted by path, `.git` not entered
        util::Once walked;
        /// What each ignore file (by path, "" for none) sends; filled by sent() under the cache's mutex.
        mutable std::map<std::string, std::unique_ptr<Sent>, std::less<>> sent;
        /// Whether the walk found the regular file `rel`; when it was truncated, ask the FileSystem.
        bool has_file(const util::FileSystem& fs, std::string_view rel, const std::string& disk) const;
        /// Whether `rel` is one of `files` (all of them unless truncated).
        bool lists(std::string_view rel) const;
    };
    /// A file the context rules judge, as one ignore file sees it.
    struct Judged {
        File* file = nullptr;
        bool ignored = false;  // excluded by the ignore file
        int ignore_rule = -1;  // the deciding pattern, or -1
        bool read = false;     // sent and read within the budget: its contents' secrets count
    };
    /// What one ignore file (or none) makes of a directory: the credential files by name and the
    /// sent files whose contents hold a secret, in path order.
    struct Sent {
        const Directory* directory = nullptr;
        bool git_ignored = false;
        std::vector<Judged> files;
        size_t unreadable = 0;     // sent files whose read failed, not scanned for secrets
        size_t unread_large = 0;   // sent files over k_context_read_cap, not scanned for secrets
        size_t unread_budget = 0;  // sent files past k_context_read_budget, not scanned for secrets
        util::Once built;
    };

    /// The walk of `root` (a display path without a trailing '/', or ".").
    const Directory& directory(const util::FileSystem& fs, const std::string& root);
    /// The files of `dir` (a directory() of this cache) that `ignore` (parsed from `ignore_path`,
    /// "" for none) lets through or keeps out, as far as the context rules care.
    const Sent& sent(const util::FileSystem& fs, const Directory& dir,
                     const input::context::IgnoreFile& ignore, std::string_view ignore_path);

    /// An input's bytes as a context scan read them, with the secrets it found in them.
    struct SharedInput {
        std::string bytes;
        bool scanned = false;  // `secrets` is SecretScanner::builtin().scan(bytes) (not for binaries)
        std::vector<rules::secrets::SecretMatch> secrets;
    };

    /// Names (as the FileSystem names them) the files the scan reads as inputs, in the scan's order
    /// ("" for an input that is not a file), before it starts and before any directory(): a context
    /// scan that reads one of them first keeps its bytes for take_input().
    void expect_inputs(const std::vector<std::string_view>& paths);
    /// The bytes of input number `index` (of expect_inputs()) when a context scan read them before,
    /// once; else nullopt. After the call the cache keeps no bytes of it.
    std::optional<SharedInput> take_input(size_t index);
    /// Whether the bytes of input number `index` are kept, read by a context scan and not yet taken.
    bool holds_input(size_t index);
    /// Whether `path` (as the FileSystem names it) is one of the inputs expect_inputs() named.
    bool is_input(const std::string& path);
    /// Keeps `input`, just read from `file`, when the file is an input not yet taken (else leaves it).
    void offer_input(const File& file, SharedInput& input);

    struct InputSlot {
        bool taken = false;
        std::optional<SharedInput> input;
    };

  private:
    std::mutex inputs_mutex_;
    // Found by path once per walked file; the scan's workers ask by index, without hashing the path.
    std::unordered_map<std::string, InputSlot> inputs_;  // node-based: the slots' addresses stay
    std::vector<InputSlot*> input_order_;                // by index of expect_inputs(), null for none
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<Directory>, std::less<>> dirs_;
};

/// Runs the enabled context rules on the build context of the Dockerfile `source` (when it is a
/// file on `ctx.fs`, not stdin), parsed and analysed as `df`, and adds their findings and the
/// context's diagnostics to `result` (whose findings are finished). `suppressions` are the
/// Dockerfile's inline suppressions when its scan read them already; null: read them again.
void scan_build_context(const util::SourcePtr& source, const model::Dockerfile& df, const InputContext& ctx,
                        report::FileResult& result, const InlineSuppressions* suppressions = nullptr);

}  // namespace bulwark::engine
