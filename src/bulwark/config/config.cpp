#include "bulwark/config/config.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "bulwark/config/config_file.hpp"
#include "bulwark/rules/rule.hpp"
#include "bulwark/util/filesystem.hpp"

namespace bulwark::config {

namespace {

namespace stdfs = std::filesystem;

constexpr uint64_t k_max_config_bytes = 1024 * 1024;
constexpr std::string_view k_config_names[] = {".bulwark.yaml", ".bulwark.yml"};

std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) {
        out += out.empty() ? "" : ", ";
        out += id;
    }
    return out;
}

/// "a", "a and b", "a, b and c".
std::string join_phrases(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        out += i == 0 ? "" : (i + 1 == items.size() ? " and " : ", ");
        out += items[i];
    }
    return out;
}

core::Severity default_severity(const std::string& id) {
    const rules::Rule* rule = rules::find_rule(id);
    return rule != nullptr ? rule->severity : core::Severity::info;
}

/// Merges `cf` into `out.policy` (which holds the command-line policy). An untrusted file may only
/// tighten; what it may not do is listed in one note.
void merge(const ConfigFile& cf, bool trusted, const std::string& today, LoadedPolicy& out) {
    core::Policy& p = out.policy;
    const core::Policy cli = p;
    std::vector<std::string> refused;

    std::vector<std::string> written;
    for (const RuleRef& ref : cf.disabled_rules) {
        written.push_back(ref.written);
        if (trusted) {
            p.disabled_rules.insert(ref.ids.begin(), ref.ids.end());
        }
    }
    if (!trusted && !written.empty()) {
        refused.push_back(fmt::format("rules.disable ({})", join_ids(written)));
    }

    // `enable` means "only these run", which switches every other rule off.
    if (!cf.enabled_rules.empty() && !trusted) {
        written.clear();
        for (const RuleRef& ref : cf.enabled_rules) {
            written.push_back(ref.written);
        }
        refused.push_back(
            fmt::format("rules.enable ({}: it would switch off every other rule)", join_ids(written)));
    } else if (cli.enabled_rules.empty()) {
        // Unknown ids were dropped (with an error), so a list of typos leaves every rule running.
        for (const RuleRef& ref : cf.enabled_rules) {
            p.enabled_rules.insert(ref.ids.begin(), ref.ids.end());
        }
    }

    written.clear();
    for (const SeveritySetting& s : cf.severities) {
        bool lowers = std::any_of(s.rule.ids.begin(), s.rule.ids.end(),
                                  [&](const std::string& id) { return s.severity < default_severity(id); });
        if (!trusted && lowers) {
            written.push_back(fmt::format("{}: {}", s.rule.written, core::to_string(s.severity)));
            continue;
        }
        for (const std::string& id : s.rule.ids) {
            p.severity_overrides.emplace(id, s.severity);  // emplace keeps a command-line override
        }
    }
    if (!written.empty()) {
        refused.push_back(fmt::format("rules.severity ({})", join_ids(written)));
    }

    if (!cf.disabled_categories.empty()) {
        if (trusted) {
            p.disabled_categories.insert(cf.disabled_categories.begin(), cf.disabled_categories.end());
        } else {
            refused.push_back(fmt::format("categories.disable ({})", join_ids(cf.disabled_categories)));
        }
    }

    for (const IgnoreSetting& s : cf.ignores) {
        if (!trusted) {
            refused.push_back(fmt::format("ignore[{}]", s.index));
            continue;
        }
        if (!s.ignore.until.empty() && !today.empty() && s.ignore.until < today) {
            out.diagnostics.push_back(
                core::Diagnostic{core::DiagLevel::warning,
                                 core::Location{cf.path, s.until_mark.line, s.until_mark.column, 0, 0, {}},
                                 fmt::format("ignore[{}] ({}) expired on {}; its findings are reported again",
                                             s.index, s.ignore.path_glob, s.ignore.until)});
        }
        p.path_ignores.push_back(s.ignore);
    }

    // Restrictions and build inputs: allowed from any config; the command line wins when it set them.
    if (cli.trusted_registries.empty()) {
        p.trusted_registries = cf.trusted_registries;
    }
    if (cli.allowed_images.empty()) {
        p.allowed_images = cf.allowed_images;
    }
    for (const auto& [name, value] : cf.build_args) {
        p.build_args.emplace(name, value);  // emplace keeps a --build-arg of the same name
    }
    if (cli.target.empty() && cf.target) {
        p.target = *cf.target;
    }

    if (!refused.empty()) {
        out.notes.push_back(
            fmt::format("config {} is untrusted: ignored {}; pass --trust-config or --config to allow",
                        cf.path, join_phrases(refused)));
    }
}

}  // namespace

std::string search_directory(const util::FileSystem& fs, const std::string& scanned_path) {
    std::string start = scanned_path == "-" || scanned_path.empty() ? std::string(".") : scanned_path;
    if (fs.is_directory(start)) {
        return start;
    }
    return search_directory_of_file(start);
}

std::string search_directory_of_file(const std::string& scanned_path) {
    if (scanned_path == "-" || scanned_path.empty()) {
        return ".";
    }
    // The usual path ("a/b/Dockerfile": no "//", no trailing '/') is cut at its last '/' as
    // parent_path() would cut it, without splitting it into components.
    if (scanned_path.back() != '/' && scanned_path.find("//") == std::string::npos) {
        size_t slash = scanned_path.rfind('/');
        if (slash == std::string::npos) {
            return ".";
        }
        return slash == 0 ? std::string("/") : scanned_path.substr(0, slash);
    }
    std::string dir = stdfs::path(scanned_path).parent_path().string();
    return dir.empty() ? std::string(".") : dir;
}

std::optional<std::string> find_config(const util::FileSystem& fs, const std::string& scanned_path) {
    return ConfigFinder(fs).find(search_directory(fs, scanned_path), scanned_path);
}

ConfigFinder::ConfigFinder(const util::FileSystem& fs) : m_fs(fs) {
    std::error_code ec;
    stdfs::path cwd = stdfs::current_path(ec);
    if (!ec) {
        m_cwd = cwd.string();
    }
}

std::optional<std::string> ConfigFinder::find(const std::string& directory, const std::string& scanned_path) {
    std::string start = scanned_path == "-" || scanned_path.empty() ? std::string(".") : scanned_path;
    // Strings, not std::filesystem::path: a tree of many directories asks once per directory.
    std::string abs =
        util::normal_path(directory.starts_with('/') || m_cwd.empty() ? directory : m_cwd + "/" + directory);
    while (abs.size() > 1 && abs.back() == '/') {
        abs.pop_back();
    }
    std::vector<std::string> walked;  // the directories looked up here, each answered by `found`
    std::optional<std::string> found;
    while (true) {
        if (auto known = m_found.find(abs); known != m_found.end()) {
            found = known->second;
            break;
        }
        for (std::string_view name : k_config_names) {
            std::string candidate = abs == "/" ? fmt::format("/{}", name) : fmt::format("{}/{}", abs, name);
            if (m_fs.kind(candidate) == util::PathKind::other) {
                found = std::move(candidate);
                break;
            }
        }
        size_t slash = abs.rfind('/');
        bool top = abs == "/" || slash == std::string::npos;
        std::string parent = top ? std::string() : abs.substr(0, slash == 0 ? 1 : slash);
        walked.push_back(std::move(abs));
        if (found || top) {
            break;
        }
        abs = std::move(parent);
    }
    for (std::string& w : walked) {
        m_found[std::move(w)] = found;
    }
    if (!found) {
        return std::nullopt;
    }
    // Show it the way the user named the scanned path: relative stays relative.
    if (!start.starts_with('/') && !m_cwd.empty()) {
        auto [it, added] = m_relative.try_emplace(*found);
        if (added) {
            it->second = stdfs::path(*found).lexically_relative(m_cwd).string();
        }
        return it->second;
    }
    return found;
}

LoadedPolicy load_policy(const util::FileSystem& fs, const std::string& scanned_path,
                         const TrustOptions& trust, const core::Policy& cli) {
    return load_policy_from(fs, trust.explicit_config ? trust.explicit_config : find_config(fs, scanned_path),
                            trust, cli);
}

LoadedPolicy load_policy_from(const util::FileSystem& fs, const std::optional<std::string>& path,
                              const TrustOptions& trust, const core::Policy& cli) {
    LoadedPolicy out;
    out.policy = cli;
    if (!path) {
        return out;
    }
    bool trusted = trust.explicit_config.has_value() || trust.trust_found_config;
    out.config_path = *path;
    util::ReadResult rr = fs.read(*path, k_max_config_bytes);
    if (!rr.error.empty()) {
        std::string why =
            rr.error_kind == util::ReadError::too_large
                ? fmt::format("{} bytes is more than the {} allowed", rr.size, k_max_config_bytes)
                : rr.error;
        out.diagnostics.push_back(core::Diagnostic{core::DiagLevel::error,
                                                   core::Location{*path, 0, 0, 0, 0, {}},
                                                   fmt::format("cannot read config: {}", why)});
        return out;
    }
    ConfigFile cf = parse_config(*path, rr.data);
    out.diagnostics = std::move(cf.diagnostics);
    merge(cf, trusted, cli.today, out);
    return out;
}

}  // namespace bulwark::config
