#pragma once
// `RUN --mount=type=cache,target=/root/.cache` values, split as BuildKit does.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bulwark::model {

/// One `--mount` value.
struct Mount {
    std::string type = "bind";  // bind (the default), cache, tmpfs, secret or ssh; lower-cased
    /// key=value fields in order, keys lower-cased; a bare key ("ro", "required") has an empty value.
    std::vector<std::pair<std::string, std::string>> options;
    std::string error;  // why BuildKit rejects the value; empty when it is accepted

    /// Value of the first field named one of `keys`, or nullptr.
    const std::string* get(std::initializer_list<std::string_view> keys) const;
    /// target/dst/destination/dest, source/src, id, from; "" when absent.
    std::string_view target() const;
    std::string_view source() const;
    std::string_view id() const;
    std::string_view from() const;
    /// True when the field `key` is present (e.g. "required", "ro").
    bool has(std::string_view key) const;
};

/// Parses a --mount value: CSV fields (Go encoding/csv rules), `key=value` or a bare readonly/ro/
/// readwrite/rw/required, checked as BuildKit's runmount does. Never throws.
Mount parse_mount(std::string_view value);

}  // namespace bulwark::model
