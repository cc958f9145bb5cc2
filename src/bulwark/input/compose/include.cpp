// `include`: other compose projects whose services, networks, volumes, secrets and configs are
// added to the including file; and the resolution order of one file (extends, then include).
#include <algorithm>

#include <fmt/format.h>

#include "bulwark/input/compose/loader_impl.hpp"
#include "bulwark/input/compose/merge.hpp"
#include "bulwark/input/compose/service_reader.hpp"

namespace bulwark::input::compose {

namespace {
constexpr size_t k_max_include_depth = 16;
/// Sections of an included project added to the including one.
constexpr std::string_view k_included_sections[] = {"services", "networks", "volumes", "secrets", "configs"};
}  // namespace

bool Loader::resolve(FileDoc& doc, size_t depth) {
    if (Node* services = services_of(doc.root)) {
        for (Entry& e : services->entries) {
            resolve_extends(doc, e, depth);
        }
    }
    return resolve_includes(doc, depth);
}

bool Loader::resolve_includes(FileDoc& doc, size_t depth) {
    const Entry* inc = doc.root.find_entry("include");
    if (inc == nullptr) {
        return true;
    }
    if (m_including.count(&doc) != 0 || depth > k_max_include_depth) {
        error(inc->key_origin, fmt::format("include: '{}' includes itself (a cycle)", doc.source->path()));
        return false;
    }
    // The entry stays until the includes are merged, so that an include of this file is seen as a cycle.
    Entry include = *inc;
    m_including.insert(&doc);
    ReadContext ctx{m_out.diagnostics, {}};
    std::vector<const Node*> items;
    if (include.value.is_sequence()) {
        for (const Node& item : include.value.items) {
            items.push_back(&item);
        }
    } else if (!include.value.is_null()) {
        error(include.value.origin,
              fmt::format("include: expected a list, found {}", kind_name(include.value)));
    }
    for (const Node* item : items) {
        std::vector<model::Setting<std::string>> paths;
        std::vector<std::string> env_files;
        if (item->is_map()) {
            check_keys(ctx, *item, keys::include, "include");
            if (const Node* p = item->find("path")) {
                paths = list_settings(ctx, *p, "include.path");
            } else {
                error(item->origin, "include: an entry needs a 'path'");
            }
            if (const Node* e = item->find("env_file")) {
                for (const model::Setting<std::string>& f : list_settings(ctx, *e, "include.env_file")) {
                    env_files.push_back(resolve_relative(doc.source->path(), f.value));
                }
            }
        } else {
            paths = list_settings(ctx, *item, "include");
        }
        Node merged;
        bool first = true;
        for (const model::Setting<std::string>& p : paths) {
            std::string full = resolve_relative(doc.source->path(), p.value);
            Environment env = environment_for(full, env_files, p.origin);
            FileDoc* sub = open(full, p.origin, &env);
            if (sub == nullptr) {
                continue;
            }
            if (!resolve(*sub, depth + 1) || !spend(sub->root, p.origin)) {
                continue;
            }
            if (first) {
                merged = sub->root;
                first = false;
            } else {
                merge_document(merged, sub->root);
            }
        }
        for (const Entry& section : merged.entries) {
            if (std::find(std::begin(k_included_sections), std::end(k_included_sections), section.key) ==
                std::end(k_included_sections)) {
                continue;
            }
            // A section that is not a map is an error at it (in either file); an empty one adds nothing.
            if (!section.value.is_map()) {
                expect_map(ctx, section.value, section.key);
                continue;
            }
            Node* mine = doc.root.find(section.key);
            if (mine == nullptr) {
                doc.root.entries.push_back(section);
                continue;
            }
            if (!expect_map(ctx, *mine, section.key)) {
                continue;
            }
            mine->kind = Node::Kind::map;  // `services:` with no value is an empty map, as in docker compose
            for (const Entry& e : section.value.entries) {
                if (const Entry* local = mine->find_entry(e.key)) {
                    error(local->key_origin,
                          fmt::format("{} '{}' conflicts with the one included from {}",
                                      section.key == "services" ? "service" : section.key, e.key,
                                      e.key_origin.file != nullptr ? e.key_origin.file->path() : ""));
                    continue;
                }
                mine->entries.push_back(e);
            }
        }
    }
    std::erase_if(doc.root.entries, [](const Entry& e) { return e.key == "include"; });
    m_including.erase(&doc);
    return true;
}

}  // namespace bulwark::input::compose
