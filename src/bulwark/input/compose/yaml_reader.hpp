#pragma once
// YAML text -> compose::Node with byte ranges, anchors expanded and merge keys (`<<`) applied.
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/compose/node.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::input::compose {

/// Bounds that keep hostile input (deep nesting, alias bombs) cheap.
struct ReadLimits {
    size_t max_depth = 100;      // nested collections
    size_t max_nodes = 100'000;  // nodes visited, aliases counted at each use (real files: a few thousand)
};

/// Parses `source` (the first YAML document). Never throws: invalid YAML gives an error diagnostic
/// at the parser's line:col and a null root; `ok` is false then.
Node read_yaml(const util::SourcePtr& source, std::vector<core::Diagnostic>& diagnostics, bool& ok,
               const ReadLimits& limits = {});

}  // namespace bulwark::input::compose
