#pragma once
// The one result model every renderer formats.
#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/core/finding.hpp"
#include "bulwark/model/image.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::report {

/// Results for one scanned input.
struct FileResult {
    std::string path;                     // display path
    std::string kind = "dockerfile";      // input kind
    util::SourcePtr source;               // may be null (unreadable file)
    std::vector<core::Finding> findings;  // sorted by line, column, rule id
    std::vector<core::Diagnostic> diagnostics;
    /// Texts of other files this input's diagnostics point into (a .dockerignore), so they are
    /// printed with their source line and caret.
    std::vector<util::SourcePtr> other_sources;
    /// Kind "image": the image the rules saw (packages for the SBOM formats, layers, config); null otherwise.
    std::shared_ptr<const model::ImageSpec> image;

    /// The text of `file` when it is this input's file or one of `other_sources`, else nullptr.
    const util::SourceFile* source_for(const std::string& file) const;
};

/// Counts of findings: what the summary, the verdict and the exit code need of them. A streamed
/// scan keeps only these for the files it has handed on (Report::streamed, engine::ResultSink).
struct FindingTally {
    std::array<size_t, 8> unsuppressed{};  // by core::Severity (an enum of five)
    size_t suppressed = 0;

    void add(const core::Finding& f);
};

struct Report {
    std::string tool_version;
    std::vector<FileResult> files;                   // sorted by path
    std::vector<core::Diagnostic> diagnostics;       // not tied to a scanned file (bad config, missing path)
    std::map<std::string, util::SourcePtr> sources;  // text of files named by `diagnostics` (configs)
    std::vector<std::string> notes;                  // e.g. "config ./x/.bulwark.yaml ignored: untrusted"
    core::Severity fail_on = core::Severity::medium;
    /// Findings of `files` handed to a ResultSink and then dropped (their files stay, without them).
    FindingTally streamed;

    /// The text of a file a report-level diagnostic points into, or nullptr.
    const util::SourceFile* source_of(const std::string& path) const;
    /// The findings still in `files` counted, plus `streamed`: what the functions below read.
    FindingTally tally() const;
    /// Unsuppressed findings per severity (severities with none are absent).
    std::map<core::Severity, size_t> counts() const;
    size_t finding_count() const;
    size_t suppressed_count() const;
    bool has_errors() const;  // any error-level diagnostic
    /// Unsuppressed finding at or above fail_on exists.
    bool failed() const;
    /// 0 pass, 1 findings at/above fail_on, 2 input errors (errors win).
    int exit_code() const;
};

}  // namespace bulwark::report
