#pragma once
// POSIX shell (with common bash forms) -> simple commands. No judgement, no I/O.
#include <string_view>

#include "bulwark/model/shell.hpp"

namespace bulwark::input::shell {

/// Parses `script` into simple commands in source order, splitting on && || ; | |& & and newlines,
/// descending into subshells, groups, if/for/while/until/case bodies, functions, $(...), `...` and
/// <(...), and the script of `sh -c '...'` / `bash -c` / `su -c` (after wrappers such as sudo/env),
/// with offsets mapped back to `script`. Here-document bodies are recorded, not parsed. Never
/// throws; problems go to Script::errors and what was parsed is kept. Linear time; what nests deeper
/// than 64 levels is read without recursion as simple commands whose structure is approximated
/// (in a branch, in a nested scope), noted once by an error marked `approximated`.
model::shell::Script parse(std::string_view script);

/// parse(script), remembered for the whole process: a text parsed before (the Dockerfiles of one
/// project repeat their RUN bodies) gets a copy of the first result, whose commands it shares
/// (Script::commands is copy-on-write). Thread-safe; bounded (past the bound, texts are parsed
/// each time).
model::shell::Script parse_remembered(std::string_view script);

}  // namespace bulwark::input::shell
