#pragma once
// Finding any of a few bytes in a string eight bytes at a time (for the parser's and the
// expander's "is there anything to do here?" checks, which mostly answer no).
#include <array>
#include <cstdint>
#include <string_view>

#include "bulwark/util/swar.hpp"

namespace bulwark::model {

/// True when `text` contains one of `bytes`. (string_view::find_first_of calls memchr once per
/// character of `text`; this reads a word at a time and tests every byte of it at once.)
template <size_t N>
bool contains_any_byte(std::string_view text, const std::array<char, N>& bytes) {
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t w = util::swar::load(text.data() + i);
        uint64_t hit = 0;
        for (char b : bytes) {
            hit |= util::swar::bytes_equal(w, static_cast<uint8_t>(b));
        }
        if (hit != 0) {
            return true;
        }
    }
    for (; i < text.size(); ++i) {
        for (char b : bytes) {
            if (text[i] == b) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace bulwark::model
