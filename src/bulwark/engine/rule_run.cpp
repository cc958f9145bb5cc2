#include "bulwark/engine/rule_run.hpp"

#include <algorithm>
#include <string>
#include <tuple>

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
    std::string id(rule.id);
    if (!policy.enabled_rules.empty() && policy.enabled_rules.count(id) == 0) {
        return false;
    }
    if (policy.disabled_rules.count(id) != 0) {
        return false;
    }
    return policy.disabled_categories.count(std::string(rule.category)) == 0;
}

void finish_findings(const core::Policy& policy, report::FileResult& result) {
    for (core::Finding& f : result.findings) {
        if (auto it = policy.severity_overrides.find(f.rule_id); it != policy.severity_overrides.end()) {
            f.severity = it->second;
        }
    }
    apply_path_ignores(policy, result.path, result.findings);
    std::vector<core::Finding>& findings = result.findings;
    // Findings are nearly always in one file: then the (long) file names need not be compared.
    bool one_file = std::all_of(findings.begin(), findings.end(), [&](const core::Finding& f) {
        return f.location.file == findings.front().location.file;
    });
    auto before = [one_file](const core::Finding& a, const core::Finding& b) {
        if (!one_file && a.location.file != b.location.file) {
            return a.location.file < b.location.file;
        }
        return std::tie(a.location.line, a.location.column, a.rule_id) <
               std::tie(b.location.line, b.location.column, b.rule_id);
    };
    if (std::is_sorted(findings.begin(), findings.end(), before)) {
        return;
    }
    // Sort compact keys side by side (line and column in one word, the index breaking ties as a
    // stable sort would), then move each finding once: a Finding is seven strings, costly to shuffle.
    // In one file the (long) file names need not be compared: they are left empty.
    struct Key {
        std::string_view file;
        uint64_t position;
        std::string_view rule_id;
        uint32_t index;
    };
    std::vector<Key> keys(findings.size());
    for (uint32_t i = 0; i < findings.size(); ++i) {
        const core::Finding& f = findings[i];
        keys[i] = Key{one_file ? std::string_view() : std::string_view(f.location.file),
                      (uint64_t{f.location.line} << 32U) | f.location.column, f.rule_id, i};
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.file, a.position, a.rule_id, a.index) <
               std::tie(b.file, b.position, b.rule_id, b.index);
    });
    std::vector<core::Finding> sorted;
    sorted.reserve(findings.size());
    for (const Key& k : keys) {
        sorted.push_back(std::move(findings[k.index]));
    }
    findings = std::move(sorted);
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
