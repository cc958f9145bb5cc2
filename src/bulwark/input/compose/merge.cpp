#include "bulwark/input/compose/merge.hpp"

#include <algorithm>
#include <map>
#include <string>

#include <fmt/format.h>

#include "bulwark/input/compose/short_syntax.hpp"

namespace bulwark::input::compose {

namespace {

constexpr std::string_view k_dict_keys[] = {"environment", "labels", "sysctls", "annotations"};
constexpr std::string_view k_replaced_keys[] = {"command", "entrypoint"};

/// A text identity for sequence items, so that appending skips exact duplicates.
std::string canonical(const Node& n) {
    switch (n.kind) {
        case Node::Kind::scalar:
            return "s:" + n.scalar;
        case Node::Kind::sequence: {
            std::string out = "[";
            for (const Node& item : n.items) {
                out += canonical(item) + ",";
            }
            return out + "]";
        }
        case Node::Kind::map: {
            std::string out = "{";
            for (const Entry& e : n.entries) {
                out += e.key + "=" + canonical(e.value) + ",";
            }
            return out + "}";
        }
        case Node::Kind::null:
            break;
    }
    return "~";
}

/// The key a sequence item is merged by: container path for volumes and devices, target for
/// secrets and configs; empty to append.
std::string merge_key(std::string_view section, const Node& item) {
    if (section == "volumes") {
        if (item.is_scalar()) {
            return parse_short_volume(item.scalar).target;
        }
        const Node* t = item.find("target");
        return t != nullptr ? t->scalar : std::string();
    }
    if (section == "devices") {
        if (item.is_scalar()) {
            return parse_short_device(item.scalar).container;
        }
        const Node* t = item.find("target");
        return t != nullptr ? t->scalar : std::string();
    }
    if (section == "secrets" || section == "configs") {
        if (item.is_scalar()) {
            return item.scalar;
        }
        const Node* t = item.find("target");
        if (t == nullptr) {
            t = item.find("source");
        }
        return t != nullptr ? t->scalar : std::string();
    }
    return {};
}

void merge_sequence(std::string_view section, Node& base, const Node& over) {
    bool keyed = section == "volumes" || section == "devices" || section == "secrets" || section == "configs";
    // Index the base once: merging stays linear-logarithmic on large (alias-expanded) lists.
    auto key_of = [&](const Node& item) {
        std::string key = keyed ? merge_key(section, item) : std::string();
        return key.empty() ? "=" + canonical(item) : "k" + key;
    };
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < base.items.size(); ++i) {
        index.emplace(key_of(base.items[i]), i);
    }
    for (const Node& item : over.items) {
        std::string key = key_of(item);
        auto it = index.find(key);
        if (it == index.end()) {
            index.emplace(key, base.items.size());
            base.items.push_back(item);
        } else if (key[0] == 'k') {
            base.items[it->second] = item;
        }
    }
}

void merge_map(Node& base, const Node& over, std::string_view parent, size_t depth);

void merge_value(std::string_view key, Node& base, const Node& over, std::string_view parent, size_t depth) {
    bool replaced =
        std::find(std::begin(k_replaced_keys), std::end(k_replaced_keys), key) != std::end(k_replaced_keys) ||
        (parent == "healthcheck" && key == "test") || depth > 64;
    if (!replaced && base.is_map() && over.is_map()) {
        merge_map(base, over, key, depth + 1);
    } else if (!replaced && base.is_sequence() && over.is_sequence()) {
        merge_sequence(key, base, over);
    } else {
        base = over;
    }
}

void merge_map(Node& base, const Node& over, std::string_view parent, size_t depth) {
    for (const Entry& e : over.entries) {
        Node* mine = base.find(e.key);
        if (mine == nullptr) {
            base.entries.push_back(e);
        } else {
            merge_value(e.key, *mine, e.value, parent, depth);
        }
    }
}

/// "NAME=VALUE" list item -> map entry, keeping byte ranges.
Entry entry_from_item(const Node& item, bool names_only) {
    Entry e;
    std::string_view text = item.scalar;
    size_t eq = names_only ? std::string_view::npos : text.find('=');
    e.key = std::string(text.substr(0, eq));
    e.key_origin = sub_origin(item, 0, e.key.size());
    if (!item.verbatim) {
        e.key_origin = item.origin;
    }
    Node& v = e.value;
    v.origin = item.origin;
    v.last_line = item.last_line;
    if (eq == std::string_view::npos) {
        v.kind = Node::Kind::null;
        v.origin.range.begin = v.origin.range.end;
        return e;
    }
    v.kind = Node::Kind::scalar;
    v.quoted = true;
    v.known = item.known;
    v.scalar = std::string(text.substr(eq + 1));
    v.origin = item.verbatim ? sub_origin(item, eq + 1, text.size()) : item.origin;
    v.verbatim = item.verbatim;
    v.text_begin = item.text_begin + static_cast<uint32_t>(eq + 1);
    return e;
}

/// The list form of `key` -> its map form; an item that is not a single value is an error at it
/// (docker compose rejects it) and is left out.
void to_map(std::string_view key, Node& n, bool names_only, std::vector<core::Diagnostic>& diagnostics) {
    if (!n.is_sequence()) {
        return;
    }
    Node m;
    m.kind = Node::Kind::map;
    m.origin = n.origin;
    m.last_line = n.last_line;
    for (const Node& item : n.items) {
        if (!item.is_scalar()) {
            if (item.origin.file != nullptr) {
                diagnostics.push_back(core::make_diagnostic(
                    core::DiagLevel::error, *item.origin.file, item.origin.range.begin,
                    fmt::format("{}: expected {}, found {}", key,
                                names_only ? "a network name" : "NAME=VALUE", kind_name(item))));
            }
            continue;
        }
        Entry e = entry_from_item(item, names_only);
        // In list form a later duplicate wins, as with docker.
        auto same =
            std::find_if(m.entries.begin(), m.entries.end(), [&](const Entry& x) { return x.key == e.key; });
        if (same != m.entries.end()) {
            *same = std::move(e);
        } else {
            m.entries.push_back(std::move(e));
        }
    }
    n = std::move(m);
}

}  // namespace

void normalize_service(Node& service, std::vector<core::Diagnostic>& diagnostics) {
    for (Entry& e : service.entries) {
        if (std::find(std::begin(k_dict_keys), std::end(k_dict_keys), e.key) != std::end(k_dict_keys)) {
            to_map(e.key, e.value, false, diagnostics);
        } else if (e.key == "networks") {
            to_map(e.key, e.value, true, diagnostics);
        }
    }
}

void merge_service(Node& base, const Node& over) {
    if (!base.is_map() || !over.is_map()) {
        base = over;
        return;
    }
    merge_map(base, over, "", 0);
}

void merge_document(Node& base, const Node& over) {
    if (!base.is_map() || !over.is_map()) {
        if (over.is_map()) {
            base = over;
        }
        return;
    }
    for (const Entry& e : over.entries) {
        Node* mine = base.find(e.key);
        if (mine == nullptr) {
            base.entries.push_back(e);
            continue;
        }
        if (e.key == "services" && mine->is_map() && e.value.is_map()) {
            for (const Entry& s : e.value.entries) {
                Node* svc = mine->find(s.key);
                if (svc == nullptr) {
                    mine->entries.push_back(s);
                } else {
                    merge_service(*svc, s.value);
                }
            }
            continue;
        }
        merge_value(e.key, *mine, e.value, "", 0);
    }
}

}  // namespace bulwark::input::compose
