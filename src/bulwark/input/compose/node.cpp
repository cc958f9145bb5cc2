#include "bulwark/input/compose/node.hpp"

#include <algorithm>

namespace bulwark::input::compose {

const Entry* Node::find_entry(std::string_view key) const {
    for (const Entry& e : entries) {
        if (e.key == key) {
            return &e;
        }
    }
    return nullptr;
}

const Node* Node::find(std::string_view key) const {
    const Entry* e = find_entry(key);
    return e != nullptr ? &e->value : nullptr;
}

Node* Node::find(std::string_view key) {
    for (Entry& e : entries) {
        if (e.key == key) {
            return &e.value;
        }
    }
    return nullptr;
}

std::string_view kind_name(const Node& n) {
    switch (n.kind) {
        case Node::Kind::scalar:
            return "a single value";
        case Node::Kind::sequence:
            return "a list";
        case Node::Kind::map:
            return "a map";
        case Node::Kind::null:
            break;
    }
    return "nothing";
}

model::Origin sub_origin(const Node& n, size_t begin, size_t end) {
    if (!n.verbatim || begin > end || end > n.scalar.size()) {
        return n.origin;
    }
    model::Origin o = n.origin;
    o.range.begin = n.text_begin + static_cast<uint32_t>(begin);
    o.range.end = n.text_begin + static_cast<uint32_t>(end);
    return o;
}

model::Origin entry_origin(const Entry& e) {
    model::Origin o = e.key_origin;
    if (e.value.origin.file == o.file) {
        o.range.end = std::max(o.range.end, e.value.origin.range.end);
    }
    return o;
}

model::Setting<std::string> string_setting(const Node& n) {
    model::Setting<std::string> s;
    s.value = n.is_scalar() ? n.scalar : joined_text(n);
    s.origin = n.origin;
    s.set = true;
    s.known = n.known;
    return s;
}

std::string joined_text(const Node& n) {
    if (n.is_scalar()) {
        return n.scalar;
    }
    std::string out;
    for (const Node& item : n.items) {
        out += out.empty() ? "" : " ";
        out += item.scalar;
    }
    return out;
}

}  // namespace bulwark::input::compose
