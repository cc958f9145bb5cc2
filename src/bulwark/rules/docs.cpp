#include "bulwark/rules/docs.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bulwark/rules/image/checks.hpp"

namespace bulwark::rules {

namespace {
std::string equivalents_line(const Rule& r) {
    std::string out;
    auto add = [&](std::string_view tool, std::string_view ids) {
        if (ids.empty()) {
            return;
        }
        out += out.empty() ? "" : "; ";
        out += fmt::format("{}: {}", tool, ids);
    };
    add("hadolint", r.hadolint);
    add("trivy", r.trivy);
    add("checkov", r.checkov);
    add("CIS Docker Benchmark", r.cis);
    add("dockle", r.dockle);
    return out.empty() ? "none" : out;
}

/// The Markdown code-fence language of a rule's examples.
std::string_view fence_language(const Rule& r) {
    if (r.example_kind == "dockerfile") {
        return "dockerfile";
    }
    if (r.example_kind == "compose") {
        return "yaml";
    }
    if (r.example_kind == "daemon" || r.example_kind == "seccomp" || r.example_kind == "image") {
        return "json";
    }
    return "sh";
}
/// What the rule checks in a built image, for rules that also judge another input.
std::string image_paragraph(const Rule& r) {
    std::string_view summary = r.check_image != nullptr && r.example_kind != "image"
                                   ? image::image_check_summary(r.check_image)
                                   : std::string_view();
    return summary.empty() ? std::string()
                           : fmt::format("\n\nIn a built image (`bulwark image`): {}", summary);
}

/// How to suppress one finding of `r` in the input its examples are written in.
std::string suppression_hint(const Rule& r) {
    if (r.example_kind == "image") {
        return fmt::format(
            "An image has no comments: suppress it in `.bulwark.yaml` "
            "(`ignore: [{{path: \"<image>\", rules: [{}], reason: \"...\"}}]`) or with a baseline.",
            r.id);
    }
    if (r.example_kind == "daemon" || r.example_kind == "seccomp") {
        return fmt::format(
            "JSON has no comments: suppress it for a file in `.bulwark.yaml` "
            "(`ignore: [{{path: \"etc/docker/daemon.json\", rules: [{}], reason: \"...\"}}]`).",
            r.id);
    }
    std::string_view where = r.example_kind == "dockerfile" ? "instruction"
                             : r.example_kind == "compose"  ? "key"
                                                            : "command";
    return fmt::format(
        "Suppress one occurrence with `# bulwark ignore={} reason=\"...\"` on the line before the {}.", r.id,
        where);
}
}  // namespace

std::string rule_markdown(const Rule& r) {
    return fmt::format(
        "# {id}: {title}\n\n"
        "| | |\n|---|---|\n| Severity | {sev} |\n| Category | {cat} |\n| Tags | {tags} |\n"
        "| Equivalents | {eq} |\n\n"
        "## Why\n\n{why}{image}\n\n## Fix\n\n{fix}\n\n"
        "### Problem\n\n```{lang}\n{bad}\n```\n\n### Corrected\n\n```{lang}\n{good}\n```\n\n"
        "{suppress}\n\n"
        "_Generated from the rule table by `bulwark rules --docs docs/rules`; do not edit._\n",
        fmt::arg("id", r.id), fmt::arg("title", r.title), fmt::arg("sev", core::to_string(r.severity)),
        fmt::arg("cat", r.category), fmt::arg("tags", r.tags), fmt::arg("eq", equivalents_line(r)),
        fmt::arg("why", r.rationale), fmt::arg("image", image_paragraph(r)), fmt::arg("fix", r.remediation),
        fmt::arg("bad", r.bad_example), fmt::arg("good", r.good_example), fmt::arg("lang", fence_language(r)),
        fmt::arg("suppress", suppression_hint(r)));
}

std::string rules_index_markdown() {
    std::string out =
        "# bulwark rules\n\n"
        "_Generated from the rule table by `bulwark rules --docs docs/rules`; do not edit._\n\n"
        "| Id | Severity | Category | Title | hadolint | trivy | checkov | CIS |\n"
        "|---|---|---|---|---|---|---|---|\n";
    for (const Rule* r : all_rules()) {
        out += fmt::format("| [{0}]({0}.md) | {1} | {2} | {3} | {4} | {5} | {6} | {7} |\n", r->id,
                           core::to_string(r->severity), r->category, r->title, r->hadolint, r->trivy,
                           r->checkov, r->cis);
    }
    return out;
}

std::string rule_text(const Rule& r) {
    return fmt::format(
        "{id}  {title}\n"
        "severity: {sev}   category: {cat}   tags: {tags}\n"
        "equivalents: {eq}\n\n"
        "Why:\n{why}\n\nFix:\n{fix}\n\nProblem:\n{bad}\n\nCorrected:\n{good}\n",
        fmt::arg("id", r.id), fmt::arg("title", r.title), fmt::arg("sev", core::to_string(r.severity)),
        fmt::arg("cat", r.category), fmt::arg("tags", r.tags), fmt::arg("eq", equivalents_line(r)),
        fmt::arg("why", r.rationale), fmt::arg("fix", r.remediation), fmt::arg("bad", r.bad_example),
        fmt::arg("good", r.good_example));
}

std::string rules_json() {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const Rule* r : all_rules()) {
        nlohmann::ordered_json eq;
        eq["hadolint"] = split_list(r->hadolint);
        eq["trivy"] = split_list(r->trivy);
        eq["checkov"] = split_list(r->checkov);
        eq["cis"] = split_list(r->cis);
        arr.push_back({{"id", r->id},
                       {"title", r->title},
                       {"severity", core::to_string(r->severity)},
                       {"category", r->category},
                       {"tags", split_list(r->tags)},
                       {"rationale", r->rationale},
                       {"remediation", r->remediation},
                       {"bad_example", r->bad_example},
                       {"good_example", r->good_example},
                       {"equivalents", eq}});
    }
    return arr.dump(2) + "\n";
}

}  // namespace bulwark::rules
