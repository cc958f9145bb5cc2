#pragma once
// The one result model every renderer formats.
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
    /// Kind "image": the image the rules saw (packages for the SBOM formats, layers, config); null otherwise.
    std::shared_ptr<const model::ImageSpec> image;
};

struct Report {
    std::string tool_version;
    std::vector<FileResult> files;                   // sorted by path
    std::vector<core::Diagnostic> diagnostics;       // not tied to a scanned file (bad config, missing path)
    std::map<std::string, util::SourcePtr> sources;  // text of files named by `diagnostics` (configs)
    std::vector<std::string> notes;                  // e.g. "config ./x/.bulwark.yaml ignored: untrusted"
    core::Severity fail_on = core::Severity::medium;

    /// The text of a file a report-level diagnostic points into, or nullptr.
    const util::SourceFile* source_of(const std::string& path) const;
    /// Unsuppressed findings per severity.
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
