#include "bulwark/core/diagnostic.hpp"

#include <fmt/format.h>

namespace bulwark::core {

namespace {
std::string_view level_name(DiagLevel l) {
    switch (l) {
        case DiagLevel::error:
            return "error";
        case DiagLevel::warning:
            return "warning";
        case DiagLevel::note:
            return "note";
    }
    return "error";
}
}  // namespace

std::string format_diagnostic(const Diagnostic& d, const util::SourceFile* source) {
    const Location& l = d.location;
    std::string out;
    if (l.line > 0) {
        out = fmt::format("{}:{}:{}: {}: {}\n", l.file, l.line, l.column, level_name(d.level), d.message);
    } else {
        out = fmt::format("{}: {}: {}\n", l.file, level_name(d.level), d.message);
    }
    // A diagnostic in another file than `source` (an extends or env_file of a compose file) gets
    // no source line rather than a wrong one.
    if (source == nullptr || l.line == 0 || l.line > source->line_count() || source->path() != l.file) {
        return out;
    }
    std::string_view text = source->line_text(l.line);
    out += text;
    out += '\n';
    // Copy tabs so the caret lines up under the same column in a terminal.
    uint32_t col = 1;
    for (size_t i = 0; i < text.size() && col < l.column; ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0U) == 0x80U) {
            continue;
        }
        out += (c == '\t') ? '\t' : ' ';
        ++col;
    }
    for (; col < l.column; ++col) {
        out += ' ';
    }
    out += "^\n";
    return out;
}

Diagnostic make_diagnostic(DiagLevel level, const util::SourceFile& source, size_t offset,
                           std::string message) {
    util::Position p = source.position(offset);
    return Diagnostic{level, Location{source.path(), p.line, p.column, 0, 0, {}}, std::move(message)};
}

std::string read_error_text(const util::ReadResult& r, uint64_t limit) {
    if (r.error_kind == util::ReadError::too_large) {
        return fmt::format("file too large: {} bytes (limit {} bytes, see --max-file-size)", r.size, limit);
    }
    return r.error;
}

Diagnostic unreadable_input(const std::string& path, const util::ReadResult& r, uint64_t limit) {
    std::string why = read_error_text(r, limit);
    return Diagnostic{
        DiagLevel::error, Location{path, 0, 0, 0, 0, {}},
        r.error_kind == util::ReadError::too_large ? std::move(why) : "cannot read file: " + why};
}

}  // namespace bulwark::core
