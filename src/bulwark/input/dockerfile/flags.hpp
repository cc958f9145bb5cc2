#pragma once
// `--name=value` flags before an instruction's arguments: splitting them off (BuildKit's
// extractBuilderFlags) and checking them against what each instruction accepts (its BFlags).
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile::detail {

/// A flag word as found; offsets are in the instruction text.
struct RawFlag {
    size_t begin = 0;
    size_t end = 0;
    size_t value_begin = 0;  // after the first '=' of the word as written (== end without one)
    std::string name;        // quotes and backslash escapes removed, without "--"
    std::string value;
    bool has_value = false;
};

/// Splits the `--flag` words at the start of `text` (from `pos`) into `out`: quotes and backslash
/// escapes are removed, a bare `--` ends the flags. Returns where the arguments start.
size_t extract_flags(std::string_view text, size_t pos, std::vector<RawFlag>& out);

/// Converts `raw` into model flags with source ranges (through `line`) and reports what BuildKit
/// rejects for `kind`: unknown or duplicate flags, missing or bad values, bad --mount values.
/// The names and values are moved out of `raw`.
std::vector<model::Flag> check_flags(const ParseContext& ctx, model::InstructionKind kind, TextView line,
                                     std::vector<RawFlag>& raw);

}  // namespace bulwark::input::dockerfile::detail
