#pragma once
// JSON with locations: strict JSON checked by nlohmann::json, then loaded with yaml-cpp (JSON is
// YAML 1.2 flow syntax) whose marks give every key and value its byte offset. Used by the
// daemon.json and seccomp profile parsers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/model/container.hpp"  // Origin
#include "bulwark/util/source.hpp"

namespace bulwark::input::json {

/// Deepest nesting accepted (deeper documents are refused before yaml-cpp recurses into them).
inline constexpr int k_max_depth = 64;

/// A strict-JSON document loaded with marks. `root` is valid only when `ok`.
struct Document {
    YAML::Node root;
    bool ok = false;
};

/// Offset of the first byte nested deeper than k_max_depth in JSON `text`, or npos (checked before
/// a recursive parser or printer sees the text).
size_t too_deep_at(std::string_view text);

/// Validates `source` as strict JSON and loads it. On bad JSON appends a located error to `diags`
/// ("invalid JSON: ...", caret at the failing byte) and returns a document with ok=false. A UTF-8
/// byte order mark is skipped. Never throws.
Document load(const util::SourceFile& source, std::vector<core::Diagnostic>& diags);

/// Byte range of `node` in `source`: a string with its quotes, a literal, a whole object or array.
model::Range range_of(const util::SourceFile& source, const YAML::Node& node);
/// `range_of` with the file, for model values.
model::Origin origin_of(const util::SourcePtr& source, const YAML::Node& node);
/// Byte offset of `node`'s first character.
size_t offset_of(const util::SourceFile& source, const YAML::Node& node);

/// What JSON type a loaded node holds.
enum class Type { null, boolean, number, string, array, object };
Type type_of(const YAML::Node& node);
/// "a string", "an object" ... for messages.
std::string_view type_name(Type t);

/// The node's text for a string, number or boolean (a string's value without quotes).
std::string scalar(const YAML::Node& node);

}  // namespace bulwark::input::json
