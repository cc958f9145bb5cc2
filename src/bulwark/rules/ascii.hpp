#pragma once
// Allocation-free ASCII helpers for the hot paths of rules (util::to_lower returns a copy; compare
// ignoring case with util::iequals, which does not copy). Only 'A'-'Z' fold, as in util::to_lower.
#include <string>
#include <string_view>

namespace bulwark::rules {

/// `c` lower-cased ('A'-'Z' only).
constexpr char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

/// `c` is an ASCII letter or digit (std::isalnum without the locale).
constexpr bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// `out` = `s` lower-cased, reusing `out`'s buffer.
inline void assign_lower(std::string& out, std::string_view s) {
    out.resize(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        out[i] = ascii_lower(s[i]);
    }
}

}  // namespace bulwark::rules
