#pragma once
// Multi-pattern secret scanner over arbitrary bytes (Dockerfiles, image layer files), built on one
// Hyperscan database compiled once (the built-in set at build time, see database.hpp). Thread-safe: scans
// share the database, each takes its own scratch.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/severity.hpp"
#include "bulwark/rules/secrets/patterns.hpp"

namespace bulwark::rules::secrets {

/// One secret found in the scanned bytes. Offsets count from the start of the data (or stream).
struct SecretMatch {
    uint32_t pattern = 0;   // index into SecretScanner::patterns()
    std::string_view id;    // the pattern's stable id ("github-token")
    std::string_view name;  // the pattern's name ("GitHub token")
    core::Severity severity = core::Severity::high;
    uint64_t begin = 0;  // the whole match [begin, end), e.g. `DB_PASSWORD=hunter22`
    uint64_t end = 0;
    uint64_t value_begin = 0;  // the secret itself within the match
    uint64_t value_end = 0;
    std::string key;      // the name it is assigned to, when the pattern has one
    std::string preview;  // redacted value for messages ("hunt****")
};

class SecretStream;
class KnownMatches;

class SecretScanner {
  public:
    /// Compiles `patterns` (which must outlive the scanner). Throws std::runtime_error when a
    /// pattern does not compile (a programming error: the built-in set is tested).
    explicit SecretScanner(std::span<const SecretPattern> patterns);
    ~SecretScanner();
    SecretScanner(const SecretScanner&) = delete;
    SecretScanner& operator=(const SecretScanner&) = delete;

    /// The scanner over builtin_patterns(), compiled on first use.
    static const SecretScanner& builtin();

    /// Every secret in `data`, sorted by offset; placeholders and variable references are skipped.
    /// A KnownMatches of this thread for exactly these bytes answers without scanning them again.
    std::vector<SecretMatch> scan(std::string_view data) const;

    /// The patterns, in id order of SecretMatch::pattern.
    std::span<const SecretPattern> patterns() const { return m_patterns; }

    /// Longest match the scanner resolves; longer candidates are cut there (also the overlap a
    /// stream keeps between chunks).
    static constexpr size_t k_max_match = 4096;

  private:
    friend class SecretStream;
    struct Impl;
    /// Loads the serialized databases of `patterns` (hs_serialize_database images), compiling
    /// `patterns` instead when one is empty, stale or not loadable on this machine.
    SecretScanner(std::span<const SecretPattern> patterns, std::string_view serialized_prefilter,
                  std::string_view serialized);
    /// Scans one window of `data` whose first byte is at stream offset `base`; keeps matches that
    /// start in [accept_begin, accept_end) (window-relative; bytes before are left context).
    void scan_window(std::string_view data, uint64_t base, size_t accept_begin, size_t accept_end,
                     std::vector<SecretMatch>& out) const;

    std::span<const SecretPattern> m_patterns;
    std::unique_ptr<Impl> m_impl;
};

/// What `scanner.scan(data)` returned, handed to the scan() calls of this thread while it lives
/// that ask the same scanner about the very same bytes (same address and size, unchanged since):
/// the build-context scan reads and scans a Dockerfile's sibling files, which are often inputs
/// too, and BD022 would scan their bytes again. Scopes nest; the innermost is asked first.
class KnownMatches {
  public:
    KnownMatches(const SecretScanner& scanner, std::string_view data, std::vector<SecretMatch> matches);
    ~KnownMatches();
    KnownMatches(const KnownMatches&) = delete;
    KnownMatches& operator=(const KnownMatches&) = delete;

    /// The matches of `data` known to this thread for `scanner`, or nullptr.
    static const std::vector<SecretMatch>* find(const SecretScanner& scanner, std::string_view data);

  private:
    const SecretScanner& m_scanner;
    std::string_view m_data;
    std::vector<SecretMatch> m_matches;
    const KnownMatches* m_outer;  // the scope this one hides
};

/// Scans data that arrives in chunks (a file inside a layer tarball) with bounded memory: matches
/// are reported with offsets from the start of the stream, each exactly once, as in scan().
class SecretStream {
  public:
    explicit SecretStream(const SecretScanner& scanner, size_t window = 1U << 20U);

    /// Adds the next bytes; appends matches that are complete so far.
    void write(std::string_view chunk, std::vector<SecretMatch>& out);
    /// Ends the stream; appends the remaining matches. The stream can then be reused from offset 0.
    void finish(std::vector<SecretMatch>& out);

  private:
    const SecretScanner& m_scanner;
    size_t m_window;
    std::string m_buffer;  // bytes not yet fully scanned, starting at stream offset m_base
    uint64_t m_base = 0;
    size_t m_context = 0;  // leading bytes of m_buffer already scanned, kept as left context
};

}  // namespace bulwark::rules::secrets
