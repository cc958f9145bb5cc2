#pragma once
// Helpers shared by unit tests: scan a Dockerfile text with chosen rules and options.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "bulwark/core/policy.hpp"
#include "bulwark/engine/inputs.hpp"
#include "bulwark/engine/scan.hpp"
#include "bulwark/input/dockerfile/analyzer.hpp"
#include "bulwark/input/dockerfile/parser.hpp"

namespace bulwark::testing {

/// A policy with a fixed date, so EOL and expiry tests do not depend on the clock.
inline core::Policy test_policy(core::NameSet only = {}) {
    core::Policy p;
    p.today = "2026-11-23";
    p.enabled_rules = std::move(only);
    return p;
}

/// Parses and analyses `text` as a Dockerfile named `path`.
inline model::Dockerfile analyze_text(const std::string& text,
                                      const input::dockerfile::AnalyzeOptions& opts = {},
                                      const std::string& path = "Dockerfile") {
    auto src = std::make_shared<const util::SourceFile>(path, text);
    model::Dockerfile df = input::dockerfile::parse(src);
    input::dockerfile::analyze(df, opts);
    return df;
}

/// Scans `text` with `policy` and returns the result (findings sorted).
inline report::FileResult scan_text(const std::string& text, const core::Policy& policy,
                                    const std::string& path = "Dockerfile") {
    return engine::scan_dockerfile(std::make_shared<const util::SourceFile>(path, text), policy);
}

/// Scans `text` as input kind `kind` (engine/inputs.hpp) named `path`, reading nothing from disk
/// except what the input itself refers to.
inline report::FileResult scan_text_as(std::string_view kind, const std::string& text,
                                       const core::Policy& policy, const std::string& path) {
    const engine::InputKind* k = engine::find_input_kind(kind);
    if (k == nullptr) {
        report::FileResult r;
        r.diagnostics.push_back(core::Diagnostic{core::DiagLevel::error, core::Location{path, 0, 0, 0, 0, {}},
                                                 "no input kind " + std::string(kind)});
        return r;
    }
    return k->scan(std::make_shared<const util::SourceFile>(path, text),
                   engine::InputContext{util::real_filesystem(), policy});
}

/// Lines on which rule `id` reported (unsuppressed), in order.
inline std::vector<uint32_t> lines_of(const report::FileResult& r, const std::string& id) {
    std::vector<uint32_t> out;
    for (const core::Finding& f : r.findings) {
        if (f.rule_id == id && !f.suppressed) {
            out.push_back(f.location.line);
        }
    }
    return out;
}

/// The unsuppressed findings of rule `id` for Dockerfile `text`, scanned with that rule alone.
inline std::vector<core::Finding> findings_of(const std::string& id, const std::string& text) {
    std::vector<core::Finding> out;
    for (core::Finding& f : scan_text(text, test_policy({id})).findings) {
        if (f.rule_id == id && !f.suppressed) {
            out.push_back(std::move(f));
        }
    }
    return out;
}

}  // namespace bulwark::testing
