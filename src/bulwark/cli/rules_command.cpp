#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "bulwark/cli/app.hpp"
#include "bulwark/rules/docs.hpp"
#include "bulwark/rules/rule.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::cli {

namespace {
bool write_file(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}
}  // namespace

int rules_command(std::vector<std::string> args) {
    CLI::App app{"List bulwark's rules.", "bulwark rules"};
    std::string format = "text";
    std::string docs_dir;
    std::string category;
    app.add_option("-f,--format", format, "text, json or markdown [text]");
    app.add_option("--category", category, "Only rules of this category");
    app.add_option("--docs", docs_dir, "Write docs/rules: one Markdown page per rule and an index");
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (!docs_dir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(docs_dir, ec);
        bool ok = write_file(std::filesystem::path(docs_dir) / "README.md", rules::rules_index_markdown());
        for (const rules::Rule* r : rules::all_rules()) {
            ok = write_file(std::filesystem::path(docs_dir) / (std::string(r->id) + ".md"),
                            rules::rule_markdown(*r)) &&
                 ok;
        }
        if (!ok) {
            std::cerr << fmt::format("bulwark rules: cannot write into '{}'\n", docs_dir);
            return 2;
        }
        return 0;
    }
    if (format == "json") {
        std::cout << rules::rules_json();
        return 0;
    }
    if (format == "markdown") {
        std::cout << rules::rules_index_markdown();
        return 0;
    }
    if (format != "text") {
        std::cerr << fmt::format("bulwark rules: unknown format '{}' (text, json, markdown)\n", format);
        return 2;
    }
    for (const rules::Rule* r : rules::all_rules()) {
        if (!category.empty() && r->category != category) {
            continue;
        }
        std::cout << fmt::format("{:<7} {:<8} {:<14} {}\n", r->id, core::to_string(r->severity), r->category,
                                 r->title);
    }
    return 0;
}

int explain_command(std::vector<std::string> args) {
    if (args.empty() || args.front() == "--help" || args.front() == "-h") {
        std::cout
            << "Usage: bulwark explain RULE_ID\n\nPrints a rule's rationale, fix, examples and equivalents.\n"
               "Also accepts a hadolint, trivy or checkov id (e.g. DL3008) and shows bulwark's equivalent.\n";
        return args.empty() ? 2 : 0;
    }
    int code = 0;
    for (const std::string& id : args) {
        std::vector<const rules::Rule*> found;
        if (const rules::Rule* r = rules::find_rule(id)) {
            found.push_back(r);
        } else {
            found = rules::rules_equivalent_to(id);
        }
        if (found.empty()) {
            std::cerr << fmt::format("bulwark explain: no rule '{}' (see 'bulwark rules')\n", id);
            code = 2;
            continue;
        }
        for (const rules::Rule* r : found) {
            std::cout << rules::rule_text(*r) << "\n";
        }
    }
    return code;
}

}  // namespace bulwark::cli
