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

std::map<core::Severity, size_t> Report::counts() const {
    // Counted in a flat array (severities are a small enum), then put in the map once each.
    constexpr size_t k_flat = 8;
    size_t flat[k_flat] = {};
    static_assert(std::tuple_size_v<decltype(streamed.unsuppressed)> <= k_flat);
    for (size_t i = 0; i < streamed.unsuppressed.size(); ++i) {
        flat[i] = streamed.unsuppressed[i];
    }
    std::map<core::Severity, size_t> out;
    for (const FileResult& f : files) {
        for (const core::Finding& x : f.findings) {
            if (x.suppressed) {
                continue;
            }
            if (auto i = static_cast<size_t>(x.severity); i < k_flat) {
                ++flat[i];
            } else {
                ++out[x.severity];
            }
        }
    }
    for (size_t i = 0; i < k_flat; ++i) {
        if (flat[i] != 0) {
            out[static_cast<core::Severity>(i)] += flat[i];
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
    size_t n = streamed.suppressed;
    for (const FileResult& f : files) {
        for (const core::Finding& x : f.findings) {
            n += x.suppressed ? 1 : 0;
        }
    }
    return n;
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
    for (size_t i = 0; i < streamed.unsuppressed.size(); ++i) {
        if (streamed.unsuppressed[i] != 0 && static_cast<core::Severity>(i) >= fail_on) {
            return true;
        }
    }
    for (const FileResult& f : files) {
        for (const core::Finding& x : f.findings) {
            if (!x.suppressed && x.severity >= fail_on) {
                return true;
            }
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
