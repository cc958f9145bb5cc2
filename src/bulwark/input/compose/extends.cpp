// `extends`: a service inherits another service of the same file or of another file, with the
// Compose merge rules; values keep the origin in the file they were written in.
#include <algorithm>

#include <fmt/format.h>

#include "bulwark/input/compose/loader_impl.hpp"
#include "bulwark/input/compose/merge.hpp"
#include "bulwark/input/compose/service_reader.hpp"

namespace bulwark::input::compose {

namespace {
constexpr size_t k_max_extends_depth = 32;

void drop_extends(Node& service) {
    std::erase_if(service.entries, [](const Entry& e) { return e.key == "extends"; });
}
}  // namespace

namespace {
size_t count_nodes(const Node& n, size_t limit) {
    size_t total = 1;
    for (const Node& item : n.items) {
        if (total > limit) {
            break;
        }
        total += count_nodes(item, limit - total);
    }
    for (const Entry& e : n.entries) {
        if (total > limit) {
            break;
        }
        total += count_nodes(e.value, limit - total);
    }
    return total;
}
}  // namespace

bool Loader::spend(const Node& n, const model::Origin& at) {
    size_t budget = m_options.limits.max_nodes * 4;
    if (!m_over_budget) {
        m_copied += count_nodes(n, budget);
        m_over_budget = m_copied > budget;
        if (m_over_budget) {
            error(at,
                  fmt::format("extends and include copy more than {} values in all; the rest is not resolved",
                              budget));
        }
    }
    return !m_over_budget;
}

Node* services_of(Node& root) {
    Node* s = root.find("services");
    return s != nullptr && s->is_map() ? s : nullptr;
}

const Node* Loader::resolved_service(FileDoc& doc, const std::string& name, size_t depth) {
    Node* services = services_of(doc.root);
    if (services == nullptr) {
        return nullptr;
    }
    for (Entry& e : services->entries) {
        if (e.key == name) {
            resolve_extends(doc, e, depth);
            return &e.value;
        }
    }
    return nullptr;
}

void Loader::resolve_extends(FileDoc& doc, Entry& service, size_t depth) {
    auto id = std::pair<const FileDoc*, std::string>{&doc, service.key};
    if (m_resolved.count(id) != 0 || !service.value.is_map()) {
        return;
    }
    const Entry* ext = service.value.find_entry("extends");
    if (ext == nullptr) {
        m_resolved.insert(id);
        return;
    }
    if (m_resolving.count(id) != 0 || depth > k_max_extends_depth) {
        // The outer call that started this chain drops the key; the cycle is reported here, once.
        error(ext->key_origin, fmt::format("extends: service '{}' extends itself (a cycle through '{}')",
                                           service.key, doc.source->path()));
        return;
    }
    // Copy what the entry says: `service.value` is replaced below.
    model::Origin at = ext->key_origin;
    std::string base_name;
    std::string file;
    model::Origin file_origin;
    const Node& v = ext->value;
    if (v.is_scalar()) {
        base_name = v.scalar;
    } else if (v.is_map()) {
        ReadContext ctx{m_out.diagnostics, {}};
        check_keys(ctx, v, keys::extends, "extends");
        if (const Node* s = v.find("service"); s != nullptr && s->is_scalar()) {
            base_name = s->scalar;
        }
        if (const Node* f = v.find("file"); f != nullptr && f->is_scalar()) {
            file = f->scalar;
            file_origin = f->origin;
        }
        if (base_name.empty()) {
            error(v.origin, "extends: 'service' is required");
        }
    } else {
        error(v.origin, fmt::format("extends: expected a service name or a map, found {}", kind_name(v)));
    }
    if (base_name.empty()) {
        drop_extends(service.value);
        m_resolved.insert(id);
        return;
    }
    m_resolving.insert(id);
    FileDoc* base_doc = &doc;
    if (!file.empty()) {
        std::string from = file_origin.file != nullptr ? file_origin.file->path() : doc.source->path();
        base_doc = open(resolve_relative(from, file), file_origin, &doc.env);
    }
    const Node* base = base_doc != nullptr ? resolved_service(*base_doc, base_name, depth + 1) : nullptr;
    Node local = service.value;
    drop_extends(local);
    if (base == nullptr) {
        if (base_doc != nullptr) {
            error(at, fmt::format("extends: no service '{}' in {}", base_name, base_doc->source->path()));
        }
        service.value = std::move(local);
    } else if (!spend(*base, at)) {
        service.value = std::move(local);
    } else {
        Node merged = *base;
        merge_service(merged, local);
        drop_extends(merged);
        service.value = std::move(merged);
    }
    m_resolving.erase(id);
    m_resolved.insert(id);
}

}  // namespace bulwark::input::compose
