#include "bulwark/input/compose/loader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/compose/dotenv.hpp"
#include "bulwark/input/compose/loader_impl.hpp"
#include "bulwark/input/compose/merge.hpp"
#include "bulwark/input/compose/service_reader.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::compose {

namespace {

constexpr std::string_view k_default_names[] = {"compose.yaml", "compose.yml", "docker-compose.yaml",
                                                "docker-compose.yml"};
constexpr std::string_view k_override_names[] = {"compose.override.yaml", "compose.override.yml",
                                                 "docker-compose.override.yaml",
                                                 "docker-compose.override.yml"};

std::string_view file_name(std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string sibling(std::string_view path, std::string_view name) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string(name)
                                           : std::string(path.substr(0, slash + 1)) + std::string(name);
}

/// Compose file format 1 has the services at the top level. Docker compose v2 refuses it, but the
/// containers it describes still run somewhere: scan them as services, with a warning.
void upgrade_version1(Node& root, std::vector<core::Diagnostic>& diagnostics) {
    if (root.find("services") != nullptr || root.find("include") != nullptr) {
        return;
    }
    const Entry* first = nullptr;
    for (const Entry& e : root.entries) {
        if (e.value.is_map() && (e.value.find("image") != nullptr || e.value.find("build") != nullptr)) {
            first = &e;
            break;
        }
    }
    if (first == nullptr || first->key_origin.file == nullptr) {
        return;
    }
    diagnostics.push_back(core::make_diagnostic(core::DiagLevel::warning, *first->key_origin.file,
                                                first->key_origin.range.begin,
                                                "compose file format 1 (services at the top level, no "
                                                "'services:' key): docker compose v2 rejects it; "
                                                "its entries are scanned as services"));
    Entry services;
    services.key = "services";
    services.key_origin = first->key_origin;
    services.value.kind = Node::Kind::map;
    services.value.origin = root.origin;
    Node rest;
    rest.kind = Node::Kind::map;
    rest.origin = root.origin;
    for (Entry& e : root.entries) {
        bool keep = e.key == "version" || util::starts_with(e.key, "x-");
        (keep ? rest.entries : services.value.entries).push_back(std::move(e));
    }
    rest.entries.push_back(std::move(services));
    root = std::move(rest);
}

}  // namespace

bool is_compose_name(std::string_view filename) {
    std::string lower = util::to_lower(filename);
    for (std::string_view prefix : {"compose", "docker-compose"}) {
        if (!util::starts_with(lower, prefix)) {
            continue;
        }
        std::string_view rest = std::string_view(lower).substr(prefix.size());
        if (!util::ends_with(rest, ".yaml") && !util::ends_with(rest, ".yml")) {
            continue;
        }
        size_t ext = rest.rfind('.');
        // ".yaml" itself, or ".<something>.yaml".
        if (ext == 0 || (rest[0] == '.' && ext > 1)) {
            return true;
        }
    }
    return false;
}

bool is_override_name(std::string_view filename) {
    std::string lower = util::to_lower(filename);
    return std::find(std::begin(k_override_names), std::end(k_override_names), lower) !=
           std::end(k_override_names);
}

std::string find_override(const util::FileSystem& fs, const std::string& path) {
    std::string lower = util::to_lower(file_name(path));
    if (std::find(std::begin(k_default_names), std::end(k_default_names), lower) ==
        std::end(k_default_names)) {
        return {};
    }
    // Prefer the override spelled like the base file (docker-compose.yml -> docker-compose.override.yml).
    bool docker = util::starts_with(lower, "docker-");
    for (int pass = 0; pass < 2; ++pass) {
        for (std::string_view name : k_override_names) {
            if ((pass == 0) != (util::starts_with(name, "docker-") == docker)) {
                continue;
            }
            std::string candidate = sibling(path, name);
            if (fs.exists(candidate) && !fs.is_directory(candidate)) {
                return candidate;
            }
        }
    }
    return {};
}

std::string find_override_base(const util::FileSystem& fs, const std::string& path) {
    if (!is_override_name(file_name(path))) {
        return {};
    }
    for (std::string_view name : k_default_names) {
        std::string candidate = sibling(path, name);
        if (fs.exists(candidate) && !fs.is_directory(candidate) && find_override(fs, candidate) == path) {
            return candidate;
        }
    }
    return {};
}

std::string resolve_relative(std::string_view file, std::string_view rel) {
    if (util::starts_with(rel, "/")) {
        return std::string(rel);
    }
    while (util::starts_with(rel, "./")) {
        rel.remove_prefix(2);
    }
    return sibling(file, rel);
}

void Loader::diag(core::DiagLevel level, const model::Origin& at, std::string message) {
    if (at.file == nullptr) {
        m_out.diagnostics.push_back(core::Diagnostic{level, core::Location{}, std::move(message)});
        return;
    }
    m_out.diagnostics.push_back(core::make_diagnostic(level, *at.file, at.range.begin, std::move(message)));
}

util::SourcePtr Loader::try_read(const std::string& path, std::string& why) {
    why = "no filesystem to read it";
    if (m_options.fs != nullptr) {
        util::ReadResult r = m_options.fs->read(path, m_options.max_file_size);
        if (r.error.empty()) {
            auto src = std::make_shared<const util::SourceFile>(path, std::move(r.data));
            m_out.project.files.push_back(src);
            return src;
        }
        why = core::read_error_text(r, m_options.max_file_size);
    }
    return nullptr;
}

util::SourcePtr Loader::read_source(const std::string& path, const model::Origin& from, bool required) {
    std::string why;
    util::SourcePtr src = try_read(path, why);
    if (src == nullptr && required) {
        // A scan goes on without it (docker compose would stop): often a file outside the scanned tree.
        warning(from, fmt::format("cannot read '{}': {}; what it defines is not scanned", path, why));
    }
    return src;
}

FileDoc* Loader::open(const std::string& path, const model::Origin& from, const Environment* env) {
    if (auto it = m_docs.find(path); it != m_docs.end()) {
        return it->second->ok ? it->second.get() : nullptr;
    }
    util::SourcePtr src = read_source(path, from, true);
    if (src == nullptr) {
        auto failed = std::make_unique<FileDoc>();
        m_docs.emplace(path, std::move(failed));
        return nullptr;
    }
    return adopt(src, env);
}

FileDoc* Loader::adopt(const util::SourcePtr& source, const Environment* env) {
    if (auto it = m_docs.find(source->path()); it != m_docs.end() && it->second->ok) {
        return it->second.get();  // the same file given twice: read it once
    }
    auto doc = std::make_unique<FileDoc>();
    doc->source = source;
    if (std::find(m_out.project.files.begin(), m_out.project.files.end(), source) ==
        m_out.project.files.end()) {
        m_out.project.files.push_back(source);
    }
    bool ok = false;
    Node root = read_yaml(source, m_out.diagnostics, ok, m_options.limits);
    if (ok && !root.is_map() && !root.is_null()) {
        error(root.origin, fmt::format("a compose file is a map of top-level keys (services, networks, ...); "
                                       "found {}",
                                       kind_name(root)));
    }
    if (!root.is_map()) {
        Node empty;
        empty.kind = Node::Kind::map;
        empty.origin = root.origin;
        root = std::move(empty);
    }
    add_spans(root, 0);
    upgrade_version1(root, m_out.diagnostics);
    doc->env = env != nullptr ? *env : environment_for(source->path(), {}, {});
    interpolate_tree(root, doc->env, m_out.diagnostics);
    if (Node* services = services_of(root)) {
        for (Entry& e : services->entries) {
            if (e.value.is_map()) {
                normalize_service(e.value, m_out.diagnostics);
            }
        }
    }
    doc->root = std::move(root);
    doc->ok = true;
    FileDoc* raw = doc.get();
    m_docs[source->path()] = std::move(doc);
    return raw;
}

void Loader::add_spans(const Node& n, size_t depth) {
    if (depth > 200) {
        return;
    }
    for (const Entry& e : n.entries) {
        if (e.key_origin.file != nullptr && e.value.origin.file == e.key_origin.file) {
            uint32_t first = e.key_origin.file->position(e.key_origin.range.begin).line;
            m_out.key_spans.push_back(
                KeySpan{e.key_origin.file.get(), first, std::max(first, e.value.last_line)});
        }
        add_spans(e.value, depth + 1);
    }
    for (const Node& item : n.items) {
        add_spans(item, depth + 1);
    }
}

Environment Loader::environment_for(const std::string& file, const std::vector<std::string>& env_files,
                                    const model::Origin& from) {
    Environment env;
    std::vector<std::string> paths = env_files;
    bool explicit_files = !paths.empty();
    if (!explicit_files) {
        std::string dotenv = resolve_relative(file, ".env");
        if (m_options.fs != nullptr && m_options.fs->exists(dotenv) && !m_options.fs->is_directory(dotenv)) {
            paths.push_back(dotenv);
        }
    }
    std::string cache_key;
    for (const std::string& p : paths) {
        cache_key += p + '\n';
    }
    if (auto it = m_environments.find(cache_key); it != m_environments.end()) {
        return it->second;
    }
    for (const std::string& p : paths) {
        util::SourcePtr src;
        if (explicit_files) {
            src = read_source(p, from, true);
        } else if (std::string why; (src = try_read(p, why)) == nullptr) {
            // The automatic .env exists (a missing one is no problem): say why its variables are unknown.
            m_out.diagnostics.push_back(core::Diagnostic{
                core::DiagLevel::warning, core::Location{p, 0, 0, 0, 0, {}},
                fmt::format("cannot read the project's .env: {}; its variables are unknown to the scan",
                            why)});
        }
        if (src == nullptr) {
            continue;
        }
        for (const DotenvEntry& e : parse_dotenv(*src, m_options.environment, m_out.diagnostics)) {
            if (e.has_value && e.known) {
                env[e.name] = e.value;
            }
        }
    }
    for (const auto& [name, value] : m_options.environment) {
        env[name] = value;
    }
    m_environments.emplace(cache_key, env);
    return env;
}

void Loader::load_env_file(const model::Setting<std::string>& path, bool required,
                           model::ContainerSpec& spec) {
    std::string from = path.origin.file != nullptr ? path.origin.file->path() : std::string();
    std::string full = resolve_relative(from, path.value);
    util::SourcePtr src;
    if (auto it = m_env_files.find(full); it != m_env_files.end()) {
        src = it->second;
    } else {
        if (m_options.fs != nullptr) {
            util::ReadResult r = m_options.fs->read(full, m_options.max_file_size);
            if (r.error.empty()) {
                src = std::make_shared<const util::SourceFile>(full, std::move(r.data));
                m_out.project.files.push_back(src);
            } else if (required) {
                // Often a secret file kept out of the repository: the scan goes on without its values.
                warning(path.origin,
                        fmt::format("env_file '{}' cannot be read ({}); its variables are unknown to "
                                    "the scan",
                                    path.value, core::read_error_text(r, m_options.max_file_size)));
            } else if (r.error_kind != util::ReadError::missing) {
                // `required: false` excuses only a missing file; docker compose fails on one that
                // exists but cannot be read (a directory, no permission) and on one it cannot look
                // up (a directory on its path that may not be searched: stat fails, but not with
                // ENOENT, so the file may be there).
                warning(path.origin,
                        fmt::format("env_file '{}' (required: false) {} ({}); its variables are unknown to "
                                    "the scan",
                                    path.value,
                                    m_options.fs->exists(full) ? "exists but cannot be read"
                                                               : "may exist but cannot be looked up",
                                    core::read_error_text(r, m_options.max_file_size)));
            }
        }
        m_env_files[full] = src;
    }
    if (src == nullptr) {
        return;
    }
    for (const DotenvEntry& e : parse_dotenv(*src, m_project_env, m_out.diagnostics)) {
        model::NamedValue nv;
        nv.name = e.name;
        nv.origin = model::Origin{src, e.range};
        nv.value.value = e.value;
        nv.value.set = e.has_value;
        nv.value.known = e.known;
        nv.value.origin = model::Origin{src, e.range};
        std::erase_if(spec.environment, [&](const model::NamedValue& x) { return x.name == e.name; });
        spec.environment.push_back(std::move(nv));
    }
}

}  // namespace bulwark::input::compose
