#pragma once
// Allocation-free ASCII case helpers for the hot paths of rules (util::to_lower and util::iequals
// copy their arguments). Only 'A'-'Z' fold, as in util::to_lower.
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

/// True when `a` and `b` are equal ignoring ASCII case (util::iequals without copies).
constexpr bool ascii_iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) {
            return false;
        }
    }
    return true;
}

/// True when lower-cased `s` starts with `lower_prefix` (itself lower case).
constexpr bool ascii_istarts_with(std::string_view s, std::string_view lower_prefix) {
    return s.size() >= lower_prefix.size() && ascii_iequals(s.substr(0, lower_prefix.size()), lower_prefix);
}

/// True when lower-cased `s` ends with `lower_suffix` (itself lower case).
constexpr bool ascii_iends_with(std::string_view s, std::string_view lower_suffix) {
    return s.size() >= lower_suffix.size() &&
           ascii_iequals(s.substr(s.size() - lower_suffix.size()), lower_suffix);
}

/// `out` = `s` lower-cased, reusing `out`'s buffer.
inline void assign_lower(std::string& out, std::string_view s) {
    out.resize(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        out[i] = ascii_lower(s[i]);
    }
}

}  // namespace bulwark::rules
