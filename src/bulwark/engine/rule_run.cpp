#include "bulwark/engine/rule_run.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "bulwark/engine/suppress.hpp"

namespace bulwark::engine {

namespace {

template <typename Hook>
std::vector<const rules::Rule*> rules_with(Hook hook) {
    std::vector<const rules::Rule*> out;
    for (const rules::Rule* r : rules::all_rules()) {
        if (r->*hook != nullptr) {
            out.push_back(r);
        }
    }
    return out;
}

/// The first eight bytes of `id` as a big-endian word, zero-padded: comparing two of these
/// orders ids as comparing the ids would, up to a tie when their first eight bytes are equal.
uint64_t id_prefix(std::string_view id) {
    uint64_t w = 0;
    std::memcpy(&w, id.data(), std::min(id.size(), sizeof(w)));
    if constexpr (std::endian::native == std::endian::little) {
        w = __builtin_bswap64(w);
    }
    return w;
}

}  // namespace

std::span<const rules::Rule* const> dockerfile_rules() {
    static const std::vector<const rules::Rule*> k_rules = rules_with(&rules::Rule::check_dockerfile);
    return k_rules;
}

std::span<const rules::Rule* const> context_rules() {
    static const std::vector<const rules::Rule*> k_rules = rules_with(&rules::Rule::check_context);
    return k_rules;
}

bool enables_every_rule(const core::Policy& policy) {
    return policy.enabled_rules.empty() && policy.disabled_rules.empty() &&
           policy.disabled_categories.empty();
}

bool rule_enabled(const rules::Rule& rule, const core::Policy& policy) {
    if (enables_every_rule(policy)) {
        return true;  // the usual case, asked for every rule of every file
    }
    if (!policy.enabled_rules.empty() && !policy.enabled_rules.contains(rule.id)) {
        return false;
    }
    if (policy.disabled_rules.contains(rule.id)) {
        return false;
    }
    return !policy.disabled_categories.contains(rule.category);
}

namespace {

/// Whether a precedes b in a file's findings: by file (when `one_file` is false), line, column and id.
bool finding_before(const core::Finding& a, const core::Finding& b, bool one_file) {
    if (!one_file && a.location.file != b.location.file) {
        return a.location.file < b.location.file;
    }
    return std::tie(a.location.line, a.location.column, a.rule_id) <
           std::tie(b.location.line, b.location.column, b.rule_id);
}

/// Whether every finding of `findings` is in the file `file`.
bool all_in(const std::vector<core::Finding>& findings, const std::string& file) {
    return std::all_of(findings.begin(), findings.end(),
                       [&](const core::Finding& f) { return f.location.file == file; });
}

}  // namespace

void finish_findings(const core::Policy& policy, report::FileResult& result) {
    const bool overrides = !policy.severity_overrides.empty();
    for (core::Finding& f : result.findings) {
        if (overrides) {
            if (auto it = policy.severity_overrides.find(f.rule_id); it != policy.severity_overrides.end()) {
                f.severity = it->second;
            }
        }
        // The report keeps every finding to the end of the scan: not the growth slack of the texts
        // built by appending (a message can hold twice its length).
        for (std::string* text : {&f.message, &f.evidence, &f.fix}) {
            if (text->capacity() > text->size() + text->size() / 4 + 16) {
                text->shrink_to_fit();
            }
        }
    }
    apply_path_ignores(policy, result.path, result.findings);
    std::vector<core::Finding>& findings = result.findings;
    // Findings are nearly always in one file: then the (long) file names need not be compared.
    const bool one_file = findings.empty() || all_in(findings, findings.front().location.file);
    auto before = [one_file](const core::Finding& a, const core::Finding& b) {
        return finding_before(a, b, one_file);
    };
    if (std::is_sorted(findings.begin(), findings.end(), before)) {
        findings.shrink_to_fit();  // as below: no slack of the vector the rules grew
        return;
    }
    // Sort compact keys (line and column in one word, the rule id's first bytes in another), then
    // move each finding once: a Finding is seven strings, costly to shuffle. The findings themselves
    // are looked at only to order different files and ids with equal first bytes.
    struct Key {
        uint64_t position;
        uint64_t id_prefix;
        uint32_t index;
    };
    thread_local std::vector<Key> keys;  // reused: most files have findings out of order
    keys.resize(findings.size());
    for (uint32_t i = 0; i < findings.size(); ++i) {
        const core::Finding& f = findings[i];
        keys[i] = Key{(uint64_t{f.location.line} << 32U) | f.location.column, id_prefix(f.rule_id), i};
    }
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        const core::Finding& fa = findings[a.index];
        const core::Finding& fb = findings[b.index];
        if (!one_file && fa.location.file != fb.location.file) {
            return fa.location.file < fb.location.file;
        }
        if (a.position != b.position || a.id_prefix != b.id_prefix) {
            return std::tie(a.position, a.id_prefix) < std::tie(b.position, b.id_prefix);
        }
        return std::tie(fa.rule_id, a.index) < std::tie(fb.rule_id, b.index);  // the index: a stable sort
    });
    // Into a vector of exactly the right size: the report keeps every file's findings to the end,
    // and permuting in place would keep the slack of the vector the rules grew (+5 MB over the corpus).
    std::vector<core::Finding> sorted;
    sorted.reserve(findings.size());
    for (const Key& k : keys) {
        sorted.push_back(std::move(findings[k.index]));
    }
    findings = std::move(sorted);
}

void finish_more_findings(const core::Policy& policy, report::FileResult& result,
                          std::vector<core::Finding>&& more) {
    if (more.empty()) {
        return;
    }
    if (result.findings.empty()) {
        result.findings = std::move(more);
        finish_findings(policy, result);
        return;
    }
    // finish_findings() over the earlier findings again changes nothing (overrides and path ignores
    // give the same answers, they are in order): only the new ones are finished, then merged.
    // std::merge is stable, the earlier findings first among equals, as the stable sort would have it.
    report::FileResult later;
    later.path = result.path;
    later.findings = std::move(more);
    finish_findings(policy, later);
    std::vector<core::Finding>& earlier = result.findings;
    const std::string& file = earlier.front().location.file;
    const bool one_file = all_in(earlier, file) && all_in(later.findings, file);
    std::vector<core::Finding> merged;
    merged.reserve(earlier.size() + later.findings.size());
    std::merge(std::make_move_iterator(earlier.begin()), std::make_move_iterator(earlier.end()),
               std::make_move_iterator(later.findings.begin()), std::make_move_iterator(later.findings.end()),
               std::back_inserter(merged), [one_file](const core::Finding& a, const core::Finding& b) {
                   return finding_before(a, b, one_file);
               });
    earlier = std::move(merged);
}

void run_container_rules(const model::ContainerProject& project, const core::Policy& policy,
                         const util::SourceFile& main, report::FileResult& result) {
    for (const rules::Rule* rule : rules::all_rules()) {
        if (rule->check_container == nullptr || !rule_enabled(*rule, policy)) {
            continue;
        }
        rules::Reporter reporter(*rule, main, result.findings);
        for (const model::ContainerSpec& c : project.containers) {
            rule->check_container(rules::ContainerContext{c, project, policy}, reporter);
        }
    }
}

void run_daemon_rules(const model::DaemonSpec& daemon, const core::Policy& policy,
                      const util::SourceFile& main, report::FileResult& result) {
    for (const rules::Rule* rule : rules::all_rules()) {
        if (rule->check_daemon != nullptr && rule_enabled(*rule, policy)) {
            rules::Reporter reporter(*rule, main, result.findings);
            rule->check_daemon(rules::DaemonContext{daemon, policy}, reporter);
        }
    }
}

void run_seccomp_rules(const model::SeccompProfile& profile, const core::Policy& policy,
                       const util::SourceFile& main, report::FileResult& result) {
    for (const rules::Rule* rule : rules::all_rules()) {
        if (rule->check_seccomp != nullptr && rule_enabled(*rule, policy)) {
            rules::Reporter reporter(*rule, main, result.findings);
            rule->check_seccomp(rules::SeccompContext{profile, policy}, reporter);
        }
    }
}

void run_image_rules(const model::ImageSpec& image, const core::Policy& policy, report::FileResult& result) {
    static const util::SourceFile k_no_config("", "");
    const util::SourceFile& config = image.config_source ? *image.config_source : k_no_config;
    for (const rules::Rule* rule : rules::all_rules()) {
        if (rule->check_image != nullptr && rule_enabled(*rule, policy)) {
            rules::Reporter reporter(*rule, config, result.findings);
            rule->check_image(rules::ImageContext{image, policy}, reporter);
        }
    }
}

}  // namespace bulwark::engine
