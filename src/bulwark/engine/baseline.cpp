// Baselines: the findings of a saved JSON report, matched by fingerprint.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "bulwark/core/fingerprint.hpp"
#include "bulwark/engine/suppress.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::engine {

namespace {

using Json = nlohmann::json;

/// nlohmann's message without its "[json.exception...] parse error at line L, column C: " prefix.
std::string parse_reason(const std::string& what) {
    size_t bracket = what.find("] ");
    size_t colon = what.find(": ", bracket == std::string::npos ? 0 : bracket);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

std::string string_at(const Json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Baseline load_baseline(const std::string& json_text) {
    Baseline b;
    Json doc;
    try {
        doc = Json::parse(json_text);
    } catch (const Json::parse_error& e) {
        // e.byte is 1-based and may point one past the end (at end of input).
        util::SourceFile text("baseline", json_text);
        size_t offset = e.byte == 0 ? 0 : std::min<size_t>(e.byte - 1, json_text.size());
        util::Position p = text.position(offset);
        b.line = p.line;
        b.column = p.column;
        b.error = "invalid JSON: " + parse_reason(e.what());
        return b;
    }
    auto files = doc.is_object() ? doc.find("files") : doc.end();
    if (!doc.is_object() || files == doc.end() || !files->is_array()) {
        b.error = "not a bulwark JSON report (expected an object with a \"files\" array; use --format json)";
        return b;
    }
    for (size_t fi = 0; fi < files->size(); ++fi) {
        const Json& file = (*files)[fi];
        auto findings = file.is_object() ? file.find("findings") : file.end();
        if (!file.is_object() || findings == file.end() || !findings->is_array()) {
            b.error = fmt::format("files[{}]: expected an object with a \"findings\" array", fi);
            return b;
        }
        for (size_t xi = 0; xi < findings->size(); ++xi) {
            const Json& x = (*findings)[xi];
            if (!x.is_object()) {
                b.error = fmt::format("files[{}].findings[{}]: expected an object", fi, xi);
                return b;
            }
            if (std::string fp = string_at(x, "fingerprint"); !fp.empty()) {
                b.fingerprints.insert(std::move(fp));
                continue;
            }
            core::Finding f;
            f.rule_id = string_at(x, "rule_id");
            if (auto loc = x.find("location"); loc != x.end() && loc->is_object()) {
                f.location.file = string_at(*loc, "file");
            }
            f.evidence = string_at(x, "evidence");
            if (f.rule_id.empty() || f.location.file.empty()) {
                b.error = fmt::format(
                    "files[{}].findings[{}]: no \"fingerprint\", nor \"rule_id\" and \"location\".\"file\"",
                    fi, xi);
                return b;
            }
            b.fingerprints.insert(core::fingerprint(f));
        }
    }
    return b;
}

void apply_baseline(Baseline& baseline, std::vector<core::Finding>& findings) {
    std::erase_if(findings, [&](const core::Finding& f) {
        auto it = baseline.fingerprints.find(core::fingerprint(f));
        if (it == baseline.fingerprints.end()) {
            return false;
        }
        baseline.fingerprints.erase(it);
        return true;
    });
}

}  // namespace bulwark::engine
