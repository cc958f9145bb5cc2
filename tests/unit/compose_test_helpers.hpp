#pragma once
// Helpers for the compose tests: files in memory, loading a project and finding what it says.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/compose/loader.hpp"
#include "bulwark/util/filesystem.hpp"
#include "support/memory_fs.hpp"

namespace bulwark::testing {

/// Loads `text` as compose file `path` (other files from `fs`, environment `env`).
inline input::compose::LoadResult load_compose(const std::string& text, const util::FileSystem* fs = nullptr,
                                               input::compose::Environment env = {},
                                               const std::string& path = "compose.yaml",
                                               bool merge_override = true) {
    input::compose::LoadOptions o;
    o.fs = fs;
    o.environment = std::move(env);
    o.merge_override = merge_override;
    return input::compose::load_project({std::make_shared<const util::SourceFile>(path, text)}, o);
}

/// The container called `name`, or nullptr.
inline const model::ContainerSpec* container(const input::compose::LoadResult& r, const std::string& name) {
    for (const model::ContainerSpec& c : r.project.containers) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

/// Every diagnostic formatted "file:line:col: level: message", one a line.
inline std::string diagnostics_text(const input::compose::LoadResult& r) {
    std::string out;
    for (const core::Diagnostic& d : r.diagnostics) {
        out += core::format_diagnostic(d, nullptr);
    }
    return out;
}

/// The text an origin covers.
inline std::string origin_text(const model::Origin& o) {
    if (o.file == nullptr || o.range.end < o.range.begin || o.range.end > o.file->text().size()) {
        return "<bad origin>";
    }
    return o.file->text().substr(o.range.begin, o.range.end - o.range.begin);
}

/// "file:line:col" of an origin's start.
inline std::string origin_where(const model::Origin& o) {
    if (o.file == nullptr) {
        return "<none>";
    }
    util::Position p = o.file->position(o.range.begin);
    return o.file->path() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

/// The environment variable `name` of a container, or nullptr.
inline const model::NamedValue* env_var(const model::ContainerSpec& c, const std::string& name) {
    for (const model::NamedValue& nv : c.environment) {
        if (nv.name == name) {
            return &nv;
        }
    }
    return nullptr;
}

}  // namespace bulwark::testing
