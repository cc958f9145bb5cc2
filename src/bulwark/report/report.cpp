#include "bulwark/report/report.hpp"

namespace bulwark::report {

const util::SourceFile* FileResult::source_for(const std::string& file) const {
    if (source != nullptr && source->path() == file) {
        return source.get();
    }
    for (const util::SourcePtr& s : other_sources) {
        if (s != nullptr && s->path() == file) {
            return s.get();
        }
    }
    return source.get();  // format_diagnostic ignores a source that is not the diagnostic's file
}

const util::SourceFile* Report::source_of(const std::string& path) const {
    auto it = sources.find(path);
    return it == sources.end() ? nullptr : it->second.get();
}

void FindingTally::add(const core::Finding& f) {
    if (f.suppressed) {
        ++suppressed;
    } else if (auto i = static_cast<size_t>(f.severity); i < unsuppressed.size()) {
        ++unsuppressed[i];
    }
}

FindingTally Report::tally() const {
    FindingTally t = streamed;
    for (const FileResult& f : files) {
        for (const core::Finding& x : f.findings) {
            t.add(x);
        }
    }
    return t;
}

std::map<core::Severity, size_t> Report::counts() const {
    const FindingTally t = tally();
    std::map<core::Severity, size_t> out;
    for (size_t i = 0; i < t.unsuppressed.size(); ++i) {
        if (t.unsuppressed[i] != 0) {
            out[static_cast<core::Severity>(i)] = t.unsuppressed[i];
        }
    }
    return out;
}

size_t Report::finding_count() const {
    size_t n = 0;
    for (const auto& [sev, count] : counts()) {
        n += count;
    }
    return n;
}

size_t Report::suppressed_count() const {
    return tally().suppressed;
}

bool Report::has_errors() const {
    auto is_error = [](const core::Diagnostic& d) { return d.level == core::DiagLevel::error; };
    for (const core::Diagnostic& d : diagnostics) {
        if (is_error(d)) {
            return true;
        }
    }
    for (const FileResult& f : files) {
        for (const core::Diagnostic& d : f.diagnostics) {
            if (is_error(d)) {
                return true;
            }
        }
    }
    return false;
}

bool Report::failed() const {
    const FindingTally t = tally();
    for (size_t i = 0; i < t.unsuppressed.size(); ++i) {
        if (t.unsuppressed[i] != 0 && static_cast<core::Severity>(i) >= fail_on) {
            return true;
        }
    }
    return false;
}

int Report::exit_code() const {
    if (has_errors()) {
        return 2;
    }
    return failed() ? 1 : 0;
}

}  // namespace bulwark::report
