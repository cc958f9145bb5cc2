#pragma once
// Dockerfile syntax: bytes -> instructions with exact ranges. No judgement, no I/O.
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile {

/// Parses `source` following Docker's Dockerfile reference and BuildKit's parser. Never throws on
/// bad input: problems become `Dockerfile::diagnostics` (error level for what BuildKit rejects) and
/// parsing resumes at the next instruction. Stages and scopes are not filled (see analyze()).
model::Dockerfile parse(util::SourcePtr source);

}  // namespace bulwark::input::dockerfile
