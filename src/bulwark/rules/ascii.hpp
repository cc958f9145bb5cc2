#pragma once
// Allocation-free ASCII helpers for the hot paths of rules (util::to_lower returns a copy; compare
// ignoring case with util::iequals, which does not copy). Only 'A'-'Z' fold, as in util::to_lower.
#include <cstdint>
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

/// s.find_first_of(set) for an ASCII `set`, without std::string_view::find_first_of's memchr
/// call per character of `s` (it matters for the hot paths that search every word).
constexpr size_t find_first_of(std::string_view s, std::string_view set) {
    uint64_t low = 0;   // bytes 0-63
    uint64_t high = 0;  // bytes 64-127
    for (char c : set) {
        auto u = static_cast<unsigned char>(c);
        if (u < 64) {
            low |= uint64_t{1} << u;
        } else if (u < 128) {
            high |= uint64_t{1} << (u - 64);
        }
    }
    for (size_t i = 0; i < s.size(); ++i) {
        auto u = static_cast<unsigned char>(s[i]);
        if (u < 64 ? ((low >> u) & 1U) != 0 : u < 128 && ((high >> (u - 64)) & 1U) != 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

/// s.find(needle, from) ignoring the case of `s`: `needle` must be lower case. Without the copy
/// util::to_lower(s).find(needle) makes.
constexpr size_t find_lower(std::string_view s, std::string_view needle, size_t from = 0) {
    if (needle.empty()) {
        return from <= s.size() ? from : std::string_view::npos;
    }
    for (size_t i = from; i + needle.size() <= s.size(); ++i) {
        if (ascii_lower(s[i]) != needle[0]) {
            continue;
        }
        size_t k = 1;
        while (k < needle.size() && ascii_lower(s[i + k]) == needle[k]) {
            ++k;
        }
        if (k == needle.size()) {
            return i;
        }
    }
    return std::string_view::npos;
}

}  // namespace bulwark::rules
