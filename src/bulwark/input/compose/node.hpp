#pragma once
// The compose loader's own YAML tree: every node keeps the file and byte range it was written at,
// so values keep their origin through merge keys, `extends`, `include` and `-f a -f b` merges.
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/container.hpp"

namespace bulwark::input::compose {

struct Entry;

/// One YAML value after anchors, merge keys and interpolation.
struct Node {
    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    std::string scalar;          // the scalar's value (interpolated)
    bool quoted = false;         // written quoted: never a boolean or null
    bool known = true;           // false when interpolation used a variable without a value
    bool verbatim = false;       // the bytes at `text_begin` are exactly `scalar`
    uint32_t text_begin = 0;     // where the value's text starts (after an opening quote)
    std::vector<Node> items;     // sequence
    std::vector<Entry> entries;  // map, in the order written
    model::Origin origin;        // the whole node
    uint32_t last_line = 0;      // 1-based line of the node's last byte

    bool is_null() const { return kind == Kind::null; }
    bool is_scalar() const { return kind == Kind::scalar; }
    bool is_sequence() const { return kind == Kind::sequence; }
    bool is_map() const { return kind == Kind::map; }
    /// The map value for `key`, or nullptr.
    const Node* find(std::string_view key) const;
    Node* find(std::string_view key);
    /// The map entry for `key`, or nullptr.
    const Entry* find_entry(std::string_view key) const;
};

/// A map entry: the key (a scalar) and its value.
struct Entry {
    std::string key;
    model::Origin key_origin;
    Node value;
};

/// "a map", "a list", "a single value", "nothing": for diagnostics.
std::string_view kind_name(const Node& n);

/// The origin of bytes [begin, end) of scalar `n`'s value: exact when the value was written verbatim,
/// else the whole node.
model::Origin sub_origin(const Node& n, size_t begin, size_t end);

/// Origin covering a map entry: from its key to the end of its value.
model::Origin entry_origin(const Entry& e);

/// A setting read from scalar `n`.
model::Setting<std::string> string_setting(const Node& n);

/// The scalar text of `n`, or the items of a list joined by spaces (command, entrypoint).
std::string joined_text(const Node& n);

}  // namespace bulwark::input::compose
