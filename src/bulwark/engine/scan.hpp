#pragma once
// The scan pipeline: discover -> read -> parse -> analyze -> rules -> suppressions -> Report.
#include <optional>
#include <string>
#include <vector>

#include "bulwark/config/config.hpp"
#include "bulwark/core/policy.hpp"
#include "bulwark/engine/suppress.hpp"
#include "bulwark/model/dockerfile.hpp"
#include "bulwark/report/report.hpp"
#include "bulwark/util/filesystem.hpp"

namespace bulwark::engine {

/// Takes a scan's results while it runs, in the report's order (ScanOptions::sink), so that a report
/// can be written as the files are done instead of being held whole until the end.
class ResultSink {
  public:
    virtual ~ResultSink() = default;
    /// Once, before the first file: the report so far (diagnostics of discovery, configs and the
    /// baseline; notes), without files.
    virtual void begin(const report::Report& /*head*/) {}
    /// One input's result, called once per input in order (from whichever worker thread finished the
    /// input that makes it next; never two at once). The scan then keeps the file in the report
    /// without its findings, which Report::streamed counts.
    virtual void file(report::FileResult& result) = 0;
};

struct ScanOptions {
    std::vector<std::string> paths;  // files, directories, "-" for stdin
    std::vector<std::string> skip;   // --skip globs
    unsigned jobs = 0;               // 0: all cores
    core::Policy cli_policy;         // from command-line flags
    config::TrustOptions trust;
    std::optional<std::string> baseline_path;
    core::Severity fail_on = core::Severity::medium;
    uint64_t max_file_size = 16ULL * 1024 * 1024;
    std::string stdin_name = "<stdin>";
    std::string kind;  // --kind: scan every explicit file and stdin as this input kind; empty: by name
    /// --compose-file: compose files merged in order into one project (like `docker compose -f a -f b`),
    /// scanned as one more input; empty: none.
    std::vector<std::string> compose_files;
    bool markdown = false;  // --markdown: directory walks also scan Markdown files' shell blocks
    /// Keep every file's text in its FileResult (the text renderer prints source lines under findings).
    /// When false, a file's text is dropped once it is scanned (and handed to the sink, if any) unless
    /// the file has diagnostics (they are printed with their line and caret): a JSON or SARIF report of
    /// many files holds no texts.
    bool keep_sources = true;
    /// --severity: findings below it are dropped (after --baseline), before the sink sees them.
    core::Severity min_severity = core::Severity::info;
    /// When set, every file's result goes to it as soon as it and the files before it are scanned
    /// (after --baseline), and the returned report holds the files without their findings.
    ResultSink* sink = nullptr;
};

/// Runs the whole scan. Never throws for bad input: problems are diagnostics in the report.
report::Report scan(const util::FileSystem& fs, const ScanOptions& options);

/// Analyses one Dockerfile already in memory with a given policy (used by scan, tests, fuzzers, benchmarks).
report::FileResult scan_dockerfile(util::SourcePtr source, const core::Policy& policy);
/// The same, leaving the parsed and analysed model in `df` for later passes (the build context).
report::FileResult scan_dockerfile(util::SourcePtr source, const core::Policy& policy, model::Dockerfile& df);
/// The same, also leaving the file's inline suppressions in `suppressions` (for its build context's
/// findings).
report::FileResult scan_dockerfile(util::SourcePtr source, const core::Policy& policy, model::Dockerfile& df,
                                   InlineSuppressions& suppressions);

}  // namespace bulwark::engine
