#include "bulwark/config/config_file.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "bulwark/rules/rule.hpp"
#include "bulwark/util/source.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::config {

namespace {

using core::DiagLevel;

constexpr std::string_view k_top_keys[] = {"rules",  "categories", "registries", "images",
                                           "ignore", "build_args", "target"};
constexpr std::string_view k_rules_keys[] = {"disable", "enable", "severity"};
constexpr std::string_view k_categories_keys[] = {"disable"};
constexpr std::string_view k_registries_keys[] = {"trusted"};
constexpr std::string_view k_images_keys[] = {"allowed"};
constexpr std::string_view k_ignore_keys[] = {"path", "rules", "reason", "until"};
constexpr std::string_view k_categories[] = {
    rules::category::user,          rules::category::base_image, rules::category::secrets,
    rules::category::supply_chain,  rules::category::privilege,  rules::category::packages,
    rules::category::best_practice, rules::category::isolation,  rules::category::runtime,
    rules::category::network,       rules::category::daemon,     rules::category::seccomp,
    rules::category::filesystem};
constexpr std::string_view k_severities[] = {"info", "low", "medium", "high", "critical"};

// Keys people copy from .hadolint.yaml, pointed at their bulwark spelling.
struct Renamed {
    std::string_view theirs;
    std::string_view ours;
};
constexpr Renamed k_hadolint_keys[] = {{"ignored", "rules.disable"},
                                       {"trustedRegistries", "registries.trusted"},
                                       {"override", "rules.severity"},
                                       {"failure-threshold", "the --fail-on option"}};

std::string_view kind_name(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Scalar:
            return "a single value";
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Map:
            return "a map";
        default:
            return "nothing";
    }
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    auto best = closest_word(word, candidates);
    return best ? fmt::format(" (did you mean '{}'?)", *best) : std::string();
}

/// Walks the YAML tree, recording diagnostics at 1-based code-point positions.
class Reader {
  public:
    Reader(ConfigFile& out, const util::SourceFile& source) : m_out(out), m_source(source) {}

    Mark to_mark(const YAML::Mark& m) const {
        if (m.line < 0 || m.column < 0) {
            return {};
        }
        auto line = static_cast<uint32_t>(m.line) + 1;
        std::string_view text = m_source.line_text(line);
        size_t col = std::min(static_cast<size_t>(m.column), text.size());
        return Mark{line, util::utf8_length(text.substr(0, col)) + 1};
    }
    Mark mark(const YAML::Node& node) const { return to_mark(node.Mark()); }

    void report(DiagLevel level, Mark at, std::string message) {
        m_out.diagnostics.push_back(core::Diagnostic{
            level, core::Location{m_out.path, at.line, at.column, 0, 0, {}}, std::move(message)});
    }

    /// Calls `handle(key, value, key_mark)` for each entry of map `node`. With `known` non-empty, other
    /// keys get a warning. Returns false (after an error) when `node` is neither a map nor empty.
    template <typename Handler>
    bool read_map(const YAML::Node& node, const std::string& where, std::span<const std::string_view> known,
                  Handler&& handle) {
        if (node.IsNull()) {
            return true;
        }
        if (!node.IsMap()) {
            report(DiagLevel::error, mark(node),
                   fmt::format("{}: expected a map, found {}", where, kind_name(node)));
            return false;
        }
        std::map<std::string, Mark> seen;
        for (const auto& entry : node) {
            Mark at = mark(entry.first);
            if (!entry.first.IsScalar()) {
                report(DiagLevel::error, at,
                       fmt::format("{}: expected a key name, found {}", where, kind_name(entry.first)));
                continue;
            }
            const std::string& name = entry.first.Scalar();
            std::string full = where.empty() ? name : fmt::format("{}.{}", where, name);
            if (!known.empty() && std::find(known.begin(), known.end(), name) == known.end()) {
                unknown_key(name, where, known, at);
                continue;
            }
            if (auto [it, inserted] = seen.emplace(name, at); !inserted) {
                report(DiagLevel::warning, at,
                       fmt::format("duplicate key '{}' (first at line {}); this one is ignored", full,
                                   it->second.line));
                continue;
            }
            handle(name, entry.second, at);
        }
        return true;
    }

    /// The scalar items of list `node` with their marks; errors for anything else.
    std::vector<std::pair<std::string, Mark>> read_list(const YAML::Node& node, const std::string& what) {
        std::vector<std::pair<std::string, Mark>> items;
        if (node.IsNull()) {
            return items;
        }
        if (!node.IsSequence()) {
            report(DiagLevel::error, mark(node),
                   fmt::format("{}: expected a list, found {}", what, kind_name(node)));
            return items;
        }
        for (const YAML::Node& item : node) {
            if (!item.IsScalar() || item.Scalar().empty()) {
                report(DiagLevel::error, mark(item),
                       fmt::format("{}: expected a non-empty value, found {}", what, kind_name(item)));
                continue;
            }
            items.emplace_back(item.Scalar(), mark(item));
        }
        return items;
    }

    /// A non-empty scalar value, or nullopt after an error.
    std::optional<std::string> read_scalar(const YAML::Node& node, const std::string& what, Mark key) {
        if (!node.IsScalar() || node.Scalar().empty()) {
            Mark at = node.IsNull() ? key : mark(node);
            report(DiagLevel::error, at,
                   fmt::format("{}: expected a value, found {}", what, kind_name(node)));
            return std::nullopt;
        }
        return node.Scalar();
    }

    /// Resolves a rule id (bulwark's or another tool's); unknown ids are reported at `level`.
    std::optional<RuleRef> rule_ref(const std::string& written, Mark at, const std::string& where,
                                    DiagLevel level) {
        std::vector<std::string> ids = resolve_rule_id(written);
        if (!ids.empty()) {
            return RuleRef{written, std::move(ids), at};
        }
        bool ours = util::starts_with(util::to_upper(written), "BD");
        std::string consequence = level == DiagLevel::error ? "; nothing is enabled for it" : "; ignored";
        report(level, at,
               ours
                   ? fmt::format("unknown rule id '{}' in {}{} (see `bulwark rules`)", written, where,
                                 consequence)
                   : fmt::format("'{}' in {} has no equivalent bulwark rule{}", written, where, consequence));
        return std::nullopt;
    }

  private:
    void unknown_key(const std::string& name, const std::string& where,
                     std::span<const std::string_view> known, Mark at) {
        std::string in = where.empty() ? std::string() : fmt::format(" in {}", where);
        if (where.empty()) {
            for (const Renamed& r : k_hadolint_keys) {
                if (name == r.theirs) {
                    report(DiagLevel::warning, at,
                           fmt::format("unknown key '{}' (a .hadolint.yaml key; bulwark uses {})", name,
                                       r.ours));
                    return;
                }
            }
        }
        report(DiagLevel::warning, at,
               fmt::format("unknown key '{}'{}{}", name, in, did_you_mean(name, known)));
    }

    ConfigFile& m_out;
    const util::SourceFile& m_source;
};

void read_rules(Reader& r, const YAML::Node& node, ConfigFile& out) {
    r.read_map(
        node, "rules", k_rules_keys, [&](const std::string& key, const YAML::Node& value, Mark /*at*/) {
            if (key == "disable" || key == "enable") {
                bool enable = key == "enable";
                std::string where = "rules." + key;
                for (const auto& [id, mark] : r.read_list(value, where)) {
                    if (auto ref =
                            r.rule_ref(id, mark, where, enable ? DiagLevel::error : DiagLevel::warning)) {
                        (enable ? out.enabled_rules : out.disabled_rules).push_back(std::move(*ref));
                    }
                }
                return;
            }
            r.read_map(
                value, "rules.severity", {}, [&](const std::string& id, const YAML::Node& level, Mark at) {
                    std::optional<std::string> name = r.read_scalar(level, "rules.severity." + id, at);
                    if (!name) {
                        return;
                    }
                    std::optional<core::Severity> sev = core::parse_severity(*name);
                    if (!sev) {
                        r.report(DiagLevel::error, r.mark(level),
                                 fmt::format("unknown severity '{}' for {} (expected info, low, medium, high "
                                             "or critical){}",
                                             *name, id, did_you_mean(util::to_lower(*name), k_severities)));
                        return;
                    }
                    if (auto ref = r.rule_ref(id, at, "rules.severity", DiagLevel::warning)) {
                        out.severities.push_back(SeveritySetting{std::move(*ref), *sev});
                    }
                });
        });
}

void read_ignores(Reader& r, const YAML::Node& node, ConfigFile& out) {
    if (node.IsNull()) {
        return;
    }
    if (!node.IsSequence()) {
        r.report(DiagLevel::error, r.mark(node),
                 fmt::format("ignore: expected a list of {{path, rules, reason, until}} maps, found {}",
                             kind_name(node)));
        return;
    }
    size_t index = 0;
    for (const YAML::Node& item : node) {
        IgnoreSetting s;
        s.index = index++;
        s.mark = r.mark(item);
        std::string where = fmt::format("ignore[{}]", s.index);
        bool ok = true;
        bool has_rules = false;
        ok = r.read_map(item, where, k_ignore_keys,
                        [&](const std::string& key, const YAML::Node& value, Mark at) {
                            std::string what = fmt::format("{}.{}", where, key);
                            if (key == "rules") {
                                has_rules = true;
                                for (const auto& [id, mark] : r.read_list(value, what)) {
                                    if (auto ref = r.rule_ref(id, mark, what, DiagLevel::warning)) {
                                        s.ignore.rules.insert(ref->ids.begin(), ref->ids.end());
                                    }
                                }
                                return;
                            }
                            std::optional<std::string> text = r.read_scalar(value, what, at);
                            if (!text) {
                                ok = ok && key == "reason";
                                return;
                            }
                            if (key == "path") {
                                std::string_view glob = *text;
                                while (util::starts_with(glob, "./")) {
                                    glob.remove_prefix(2);
                                }
                                s.ignore.path_glob = glob;
                            } else if (key == "reason") {
                                s.ignore.reason = *text;
                            } else if (!is_date(*text)) {
                                r.report(DiagLevel::error, r.mark(value),
                                         fmt::format(
                                             "{}: '{}' is not a date (YYYY-MM-DD); the ignore is not applied",
                                             what, *text));
                                ok = false;
                            } else {
                                s.ignore.until = *text;
                                s.until_mark = r.mark(value);
                            }
                        }) &&
             ok;
        if (!ok) {
            continue;
        }
        if (s.ignore.path_glob.empty()) {
            r.report(DiagLevel::error, s.mark,
                     fmt::format("{}: missing 'path'; the ignore is not applied", where));
            continue;
        }
        if (has_rules && s.ignore.rules.empty()) {
            // An empty set would mean "every rule": never let a typo widen an ignore.
            r.report(DiagLevel::warning, s.mark,
                     fmt::format("{}: 'rules' names no known rule; the ignore is not applied", where));
            continue;
        }
        out.ignores.push_back(std::move(s));
    }
}

void read_top(Reader& r, const YAML::Node& root, ConfigFile& out) {
    r.read_map(root, "", k_top_keys, [&](const std::string& key, const YAML::Node& value, Mark at) {
        if (key == "rules") {
            read_rules(r, value, out);
        } else if (key == "categories") {
            r.read_map(
                value, "categories", k_categories_keys, [&](const std::string&, const YAML::Node& v, Mark) {
                    for (const auto& [name, mark] : r.read_list(v, "categories.disable")) {
                        std::string lower = util::to_lower(name);
                        if (std::find(std::begin(k_categories), std::end(k_categories), lower) ==
                            std::end(k_categories)) {
                            r.report(DiagLevel::warning, mark,
                                     fmt::format("unknown category '{}' in categories.disable; ignored{}",
                                                 name, did_you_mean(lower, k_categories)));
                            continue;
                        }
                        out.disabled_categories.push_back(lower);
                    }
                });
        } else if (key == "registries") {
            r.read_map(value, "registries", k_registries_keys,
                       [&](const std::string&, const YAML::Node& v, Mark) {
                           for (auto& item : r.read_list(v, "registries.trusted")) {
                               out.trusted_registries.push_back(std::move(item.first));
                           }
                       });
        } else if (key == "images") {
            r.read_map(value, "images", k_images_keys, [&](const std::string&, const YAML::Node& v, Mark) {
                for (auto& item : r.read_list(v, "images.allowed")) {
                    out.allowed_images.push_back(std::move(item.first));
                }
            });
        } else if (key == "ignore") {
            read_ignores(r, value, out);
        } else if (key == "build_args") {
            r.read_map(value, "build_args", {}, [&](const std::string& name, const YAML::Node& v, Mark) {
                if (v.IsNull()) {
                    out.build_args[name] = "";
                } else if (!v.IsScalar()) {
                    r.report(DiagLevel::error, r.mark(v),
                             fmt::format("build_args.{}: expected a value, found {}", name, kind_name(v)));
                } else {
                    out.build_args[name] = v.Scalar();
                }
            });
        } else if (auto target = r.read_scalar(value, "target", at)) {
            out.target = *target;
        }
    });
}

}  // namespace

bool is_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    int parts[3] = {0, 0, 0};
    size_t starts[3] = {0, 5, 8};
    size_t lengths[3] = {4, 2, 2};
    for (size_t p = 0; p < 3; ++p) {
        for (size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    }
    std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                    std::chrono::month{static_cast<unsigned>(parts[1])},
                                    std::chrono::day{static_cast<unsigned>(parts[2])}};
    return ymd.ok();
}

std::vector<std::string> resolve_rule_id(std::string_view written) {
    std::vector<std::string> ids;
    if (const rules::Rule* rule = rules::find_rule(util::trim(written))) {
        ids.emplace_back(rule->id);
        return ids;
    }
    for (const rules::Rule* rule : rules::rules_equivalent_to(util::trim(written))) {
        ids.emplace_back(rule->id);
    }
    return ids;
}

std::optional<std::string_view> closest_word(std::string_view word,
                                             std::span<const std::string_view> candidates) {
    std::string lower = util::to_lower(word);
    std::optional<std::string_view> best;
    size_t best_distance = 0;
    for (std::string_view c : candidates) {
        size_t d = util::edit_distance(lower, util::to_lower(c));
        if (d <= 2 && d <= std::max<size_t>(1, lower.size() / 2) && (!best || d < best_distance)) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

ConfigFile parse_config(const std::string& path, const std::string& text) {
    ConfigFile out;
    out.path = path;
    util::SourceFile source(path, text);
    Reader reader(out, source);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        reader.report(DiagLevel::error, reader.to_mark(e.mark), "invalid YAML: " + e.msg);
        return out;
    }
    if (root.IsNull()) {
        return out;
    }
    if (!root.IsMap()) {
        reader.report(
            DiagLevel::error, reader.mark(root),
            fmt::format("expected a map of settings (rules:, ignore:, ...), found {}", kind_name(root)));
        return out;
    }
    try {
        read_top(reader, root, out);
    } catch (const YAML::Exception& e) {
        // The tree was parsed, so this is not expected; still, a config must never end the run.
        reader.report(DiagLevel::error, reader.to_mark(e.mark), "cannot read config: " + e.msg);
    }
    return out;
}

}  // namespace bulwark::config
