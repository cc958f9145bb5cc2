#pragma once
// Input problems (parse errors, unreadable files): reported like a compiler would.
#include <string>
#include <vector>

#include "bulwark/core/location.hpp"
#include "bulwark/util/filesystem.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::core {

enum class DiagLevel { error, warning, note };

/// One input problem. An `error` makes the run exit 2; analysis goes on regardless.
struct Diagnostic {
    DiagLevel level = DiagLevel::error;
    Location location;
    std::string message;
};

/// "path:line:col: error: message\n<source line>\n<caret>\n". Without a source line (or line 0),
/// just the first line; `source` is used only when it is the diagnostic's file. Columns of the caret line
/// copy tabs from the source so the caret aligns.
std::string format_diagnostic(const Diagnostic& d, const util::SourceFile* source);

/// Builds a Diagnostic at byte `offset` of `source`.
Diagnostic make_diagnostic(DiagLevel level, const util::SourceFile& source, size_t offset,
                           std::string message);

/// Why a read failed (`r.error` set), for a message: the error, or for a file over `limit` (the
/// user's --max-file-size) "file too large: N bytes (limit L bytes, see --max-file-size)".
std::string read_error_text(const util::ReadResult& r, uint64_t limit);

/// The error of an input file `path` that cannot be read, the same for every input: the size text of
/// read_error_text for a file over `limit`, else "cannot read file: ERROR".
Diagnostic unreadable_input(const std::string& path, const util::ReadResult& r, uint64_t limit);

}  // namespace bulwark::core
