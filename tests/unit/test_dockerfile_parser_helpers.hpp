#pragma once
// Helpers shared by the Dockerfile parser tests.
#include <memory>
#include <string>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/dockerfile/parser.hpp"

namespace bulwark::testing {

/// Parses `text` as a Dockerfile named `path` (syntax only, no analysis).
inline model::Dockerfile parse_text(const std::string& text, const std::string& path = "Dockerfile") {
    return input::dockerfile::parse(std::make_shared<const util::SourceFile>(path, text));
}

/// The source bytes of `r`.
inline std::string source_of(const model::Dockerfile& df, model::Range r) {
    return df.source->text().substr(r.begin, r.end - r.begin);
}

/// Every diagnostic as "line:col: level: message".
inline std::vector<std::string> diags(const model::Dockerfile& df) {
    std::vector<std::string> out;
    for (const core::Diagnostic& d : df.diagnostics) {
        std::string level = d.level == core::DiagLevel::error     ? "error"
                            : d.level == core::DiagLevel::warning ? "warning"
                                                                  : "note";
        out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " +
                      level + ": " + d.message);
    }
    return out;
}

/// The compiler-style text of diagnostic `i`.
inline std::string formatted(const model::Dockerfile& df, size_t i) {
    return core::format_diagnostic(df.diagnostics.at(i), df.source.get());
}

/// The values of `words`.
inline std::vector<std::string> values(const std::vector<model::Word>& words) {
    std::vector<std::string> out;
    for (const model::Word& w : words) {
        out.push_back(w.value);
    }
    return out;
}

/// The values of `json`.
inline std::vector<std::string> values(const std::vector<model::JsonArg>& json) {
    std::vector<std::string> out;
    for (const model::JsonArg& j : json) {
        out.push_back(j.value);
    }
    return out;
}

}  // namespace bulwark::testing
