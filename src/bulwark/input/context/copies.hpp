#pragma once
// Which context files each COPY/ADD of a Dockerfile copies, with BuildKit's semantics: sources are
// cleaned paths relative to the context root (a leading '/' ignored) matched with Go's
// filepath.Match, a source that names a directory copies everything below it, `.` copies the whole
// context, `--exclude` patterns (patternmatcher syntax) leave files out; `--from` copies, URLs, git
// sources and heredocs do not read the context. No I/O, no judgement.
#include <optional>
#include <string_view>

#include "bulwark/model/context.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::context {

/// When COPY/ADD source `source` (already expanded) selects context file `path`: the path as the
/// copy sees it below what the source names (`config/` and `config/db/.env` give `db/.env`; a source
/// naming the file itself gives its base name); nullopt when it does not select it.
std::optional<std::string_view> copy_source_match(std::string_view source, std::string_view path);

/// True when COPY/ADD source `source` selects context file `path`.
bool copy_source_selects(std::string_view source, std::string_view path);

/// Fills `files[].copies` of the sent files of `context` from the COPY/ADD instructions of the
/// analysed Dockerfile `df`. Sources depending on unknown variables select nothing.
void resolve_copies(const model::Dockerfile& df, model::BuildContext& context);

}  // namespace bulwark::input::context
