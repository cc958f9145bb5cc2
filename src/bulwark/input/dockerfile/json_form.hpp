#pragma once
// The exec form: arguments written as a JSON array of strings, with each string's position.
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::input::dockerfile::detail {

/// One decoded string of the array; [begin, end) covers its quotes in the parsed text.
struct JsonElement {
    size_t begin = 0;
    size_t end = 0;
    std::string value;
};

enum class JsonArray {
    strings,      // a JSON array of strings: the exec form
    not_json,     // not a JSON array: Docker falls back to the shell form
    not_strings,  // valid JSON array holding something else: BuildKit rejects the instruction
};

/// Parses `text` (which starts with '[', trailing blanks already removed) as a whole JSON array of
/// strings. On not_json, `reason` says briefly what is wrong.
JsonArray parse_json_array(std::string_view text, std::vector<JsonElement>& out, std::string& reason);

/// True when `text` reads like the shell test command (`[ -f x ] && ...`, `[[ ... ]]`) rather
/// than a broken exec form, so a "not JSON" warning would only be noise.
bool looks_like_shell_test(std::string_view text);

}  // namespace bulwark::input::dockerfile::detail
