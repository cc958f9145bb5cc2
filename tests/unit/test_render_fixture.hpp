#pragma once
// A hand-built Report and a fixed rule table for the renderer tests (no parser, no real rules).
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "bulwark/report/renderer.hpp"
#include "bulwark/report/report.hpp"
#include "bulwark/rules/rule.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::test {

inline const rules::Rule k_render_rules[] = {
    {"TST001", "Base image uses a mutable tag", core::Severity::high, rules::category::base_image,
     "pinning,reproducibility", "Tags move; the image you scanned is not the one you ship.",
     "Pin the base image by digest.\nSecond line of advice.", "FROM ubuntu:latest",
     "FROM ubuntu:22.04@sha256:0123", "DL3007", "DS001", "", "4.2", nullptr},
    {"TST002", "Secret in ENV", core::Severity::medium, rules::category::secrets, "secrets",
     "ENV values are stored in the image config.", "Pass secrets with RUN --mount=type=secret.",
     "ENV TOKEN=abc", "RUN --mount=type=secret,id=token true", "", "DS031", "CKV_DOCKER_10,CKV2_DOCKER_1", "",
     nullptr},
    {"TST003", "Remote script piped to a shell", core::Severity::critical, rules::category::supply_chain,
     "curl,shell", "Whoever controls the URL controls the build.", "Download, verify a checksum, then run.",
     "RUN curl x | sh", "RUN curl -o x.sh x && sha256sum -c x.sha256 && sh x.sh", "DL4006", "", "", "",
     nullptr},
};

/// The fixed table's lookup (stands in for rules::find_rule).
inline const rules::Rule* render_rule(std::string_view id) {
    for (const rules::Rule& r : k_render_rules) {
        if (util::iequals(r.id, id)) {
            return &r;
        }
    }
    return nullptr;
}

inline core::Finding make_finding(std::string rule_id, core::Severity severity, std::string message,
                                  core::Location location, std::string evidence, std::string fix = {}) {
    core::Finding f;
    f.rule_id = std::move(rule_id);
    f.severity = severity;
    f.message = std::move(message);
    f.location = std::move(location);
    f.evidence = std::move(evidence);
    f.fix = std::move(fix);
    return f;
}

/// Three files: one with findings (one suppressed), one clean, one with a parse error; one note.
inline report::Report sample_report() {
    report::Report rep;
    rep.tool_version = "9.9.9";
    rep.fail_on = core::Severity::medium;

    report::FileResult app;
    app.path = "app/Dockerfile";
    app.source = std::make_shared<const util::SourceFile>(
        "app/Dockerfile", "FROM ubuntu:latest\nENV TOKEN=abc\n\tRUN curl x | sh\n");
    app.findings.push_back(make_finding(
        "TST001", core::Severity::high, "base image 'ubuntu:latest' uses a mutable tag",
        {"app/Dockerfile", 1, 6, 1, 18, {}}, "FROM ubuntu:latest", "FROM ubuntu:24.04@sha256:<digest>"));
    app.findings.push_back(make_finding("TST002", core::Severity::medium, "ENV TOKEN looks like a secret",
                                        {"app/Dockerfile", 2, 5, 2, 13, {}}, "ENV TOKEN=abc"));
    core::Finding suppressed = make_finding("TST002", core::Severity::medium, "ENV TOKEN looks like a secret",
                                            {"app/Dockerfile", 2, 5, 2, 13, {}}, "ENV TOKEN=abc");
    suppressed.suppressed = true;
    suppressed.suppression = "inline: test token";
    app.findings.push_back(suppressed);
    app.findings.push_back(make_finding("TST003", core::Severity::critical, "curl output piped to sh",
                                        {"app/Dockerfile", 3, 6, 3, 16, {}}, "\tRUN curl x | sh"));
    rep.files.push_back(app);

    report::FileResult broken;
    broken.path = "broken/Dockerfile";
    broken.source = std::make_shared<const util::SourceFile>("broken/Dockerfile", "FROM x\nRUN [\"a\"\n");
    broken.diagnostics.push_back(core::Diagnostic{core::DiagLevel::error,
                                                  core::Location{"broken/Dockerfile", 2, 5, 0, 0, {}},
                                                  "unterminated JSON array"});
    rep.files.push_back(broken);

    report::FileResult clean;
    clean.path = "clean/Dockerfile";
    clean.source = std::make_shared<const util::SourceFile>("clean/Dockerfile", "FROM scratch\n");
    rep.files.push_back(clean);

    rep.notes.push_back("config x/.bulwark.yaml ignored: untrusted (use --trust-config)");
    return rep;
}

/// One file, one finding, one finding suppressed by config, a warning; a report-level error; a note.
inline report::Report compact_report() {
    report::Report rep;
    rep.tool_version = "9.9.9";
    rep.fail_on = core::Severity::high;
    report::FileResult f;
    f.path = "web app/Dockerfile";
    f.source = std::make_shared<const util::SourceFile>(f.path, "FROM ubuntu:latest\nENV TOKEN=abc\n");
    f.findings.push_back(make_finding("TST001", core::Severity::high, "uses <latest> & \"floats\"",
                                      {f.path, 1, 6, 1, 18, {}}, "FROM ubuntu:latest"));
    core::Finding ignored = make_finding("TST002", core::Severity::medium, "secret",
                                         {f.path, 2, 5, 2, 13, {}}, "ENV TOKEN=abc", "rotate");
    ignored.suppressed = true;
    ignored.suppression = "config: .bulwark.yaml";
    f.findings.push_back(ignored);
    f.diagnostics.push_back(
        core::Diagnostic{core::DiagLevel::warning, {f.path, 2, 1, 0, 0, {}}, "ignore for unknown rule XX1"});
    rep.files.push_back(f);
    rep.diagnostics.push_back(
        core::Diagnostic{core::DiagLevel::error, {"gone", 0, 0, 0, 0, {}}, "no such file"});
    rep.notes.push_back("a note");
    return rep;
}

/// Every byte value 0x00-0xff, escapes of JSON and XML, UTF-8 valid and broken in the ways
/// nlohmann's replacement sees, long plain ASCII and the empty string.
inline std::vector<std::string> tricky_strings() {
    std::string all_bytes;
    for (int c = 0; c < 256; ++c) {
        all_bytes += static_cast<char>(c);
    }
    return {all_bytes,
            "quote \" backslash \\ slash / tab \t cr \r lf \n bs \b ff \f del \x7f esc \x1b & < > end.",
            "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\xb3",
            "truncated \xe2\x82",
            "lone continuation \x80 x",
            "overlong \xc0\xaf and \xff\xfe",
            "\xe2\x82 then valid \xc3\xa9",
            "a long plain ASCII message of more than sixteen bytes, ending in a question?",
            "",
            "x"};
}

/// Renders `rep` in `format` with the fixed rule table.
inline std::string render(const report::Report& rep, std::string_view format,
                          report::RenderOptions options = {}) {
    options.rule_lookup = render_rule;
    std::ostringstream out;
    report::find_renderer(format)->make()->render(rep, out, options);
    return out.str();
}

}  // namespace bulwark::test
