#pragma once
// Where something is: a file and a 1-based range, or (for API inputs, later) an object path.
#include <cstdint>
#include <string>

namespace bulwark::core {

/// A source range. line/column are 1-based; 0 means "unknown". end_* is inclusive of the last
/// code point when set, 0 when the range is a single point.
struct Location {
    std::string file;
    uint32_t line = 0;
    uint32_t column = 0;
    uint32_t end_line = 0;
    uint32_t end_column = 0;
    /// Logical path inside a structured input (e.g. JSON pointer); empty for text files.
    std::string pointer;

    friend bool operator==(const Location&, const Location&) = default;
};

}  // namespace bulwark::core
