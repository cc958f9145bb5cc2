#pragma once
// POSIX shell (with common bash forms) -> simple commands. No judgement, no I/O.
#include <string_view>

#include "bulwark/model/shell.hpp"

namespace bulwark::input::shell {

/// Parses `script` into simple commands, splitting on && || ; | & newlines, descending into
/// subshells, groups, if/for/while/case bodies, $(...) and `...`, and the script of
/// `sh -c '...'` / `bash -c` (offsets mapped back to the outer text). Never throws; problems go
/// to Script::errors. Offsets in the result index into `script`.
model::shell::Script parse(std::string_view script);

}  // namespace bulwark::input::shell
