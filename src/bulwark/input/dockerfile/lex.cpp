#include "bulwark/input/dockerfile/lex.hpp"

#include <algorithm>
#include <array>

#include "bulwark/model/byte_scan.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::dockerfile::detail {

void ParseContext::error(uint32_t offset, std::string message) const {
    if (diagnostics.size() >= k_max_diagnostics) {
        return;
    }
    diagnostics.push_back(core::make_diagnostic(core::DiagLevel::error, source, offset, std::move(message)));
}

void ParseContext::warning(uint32_t offset, std::string message) const {
    if (diagnostics.size() >= k_max_diagnostics) {
        return;
    }
    diagnostics.push_back(
        core::make_diagnostic(core::DiagLevel::warning, source, offset, std::move(message)));
}

size_t space_length_utf8(std::string_view s, size_t pos) {
    auto c = static_cast<unsigned char>(s[pos]);
    // Go's unicode.IsSpace also accepts U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029,
    // U+202F, U+205F and U+3000; BuildKit's word splitting (ENV, LABEL, ARG) uses it.
    auto at = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0U; };
    if (c == 0xC2 && (at(pos + 1) == 0x85 || at(pos + 1) == 0xA0)) {
        return 2;
    }
    if (c == 0xE1 && at(pos + 1) == 0x9A && at(pos + 2) == 0x80) {
        return 3;
    }
    if (c == 0xE2 && at(pos + 1) == 0x80) {
        unsigned d = at(pos + 2);
        if ((d >= 0x80 && d <= 0x8A) || d == 0xA8 || d == 0xA9 || d == 0xAF) {
            return 3;
        }
    }
    if (c == 0xE2 && at(pos + 1) == 0x81 && at(pos + 2) == 0x9F) {
        return 3;
    }
    if (c == 0xE3 && at(pos + 1) == 0x80 && at(pos + 2) == 0x80) {
        return 3;
    }
    return 0;
}

bool needs_unquote(std::string_view s, char escape) {
    return model::contains_any_byte(s, std::array<char, 3>{'\'', '"', escape});
}

std::string unquote(std::string_view s, char escape) {
    if (!needs_unquote(s, escape)) {
        return std::string(s);
    }
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        char c = s[i];
        if (c == '\'') {
            size_t close = s.find('\'', i + 1);
            size_t stop = close == std::string_view::npos ? n : close;
            out.append(s.substr(i + 1, stop - i - 1));
            i = close == std::string_view::npos ? n : close + 1;
        } else if (c == '"') {
            ++i;
            while (i < n && s[i] != '"') {
                // A run with no quote and no escape: copied at once.
                size_t j = i;
                while (j < n && s[j] != '"' && s[j] != escape) {
                    ++j;
                }
                if (j > i) {
                    out.append(s.substr(i, j - i));
                    i = j;
                    continue;
                }
                // s[i] is the escape character.
                if (i + 1 == n) {
                    ++i;
                    break;
                }
                char next = s[i + 1];
                if (next == '"' || next == '$' || next == escape) {
                    out += next;
                    i += 2;
                    continue;
                }
                out += s[i];
                ++i;
            }
            if (i < n) {
                ++i;  // closing quote
            }
        } else if (c == escape) {
            if (i + 1 < n) {
                out += s[i + 1];
            }
            i += 2;
        } else if (c == '$' && i + 1 < n && s[i + 1] == '{') {
            // Keep ${name:-word} as written: its quotes belong to the expansion.
            size_t j = i + 2;
            int depth = 1;
            while (j < n && depth > 0) {
                if (s[j] == '{') {
                    ++depth;
                } else if (s[j] == '}') {
                    --depth;
                }
                ++j;
            }
            out.append(s.substr(i, j - i));
            i = j;
        } else {
            // A run of characters with no quote, escape or '$': copied at once.
            size_t j = i + 1;
            while (j < n && s[j] != '\'' && s[j] != '"' && s[j] != escape && s[j] != '$') {
                ++j;
            }
            out.append(s.substr(i, j - i));
            i = j;
        }
    }
    return out;
}

void slice_into(const model::MappedText& text, size_t begin, size_t end, model::MappedText& out) {
    out.value.clear();
    out.pieces.clear();
    end = std::min(end, text.value.size());
    if (begin >= end) {
        out.pieces.push_back({0, text.to_source(std::min(begin, text.value.size()))});
        return;
    }
    out.value.assign(text.value.data() + begin, end - begin);
    const auto& pieces = text.pieces;
    auto first = pieces.begin();
    if (pieces.size() > 1) {
        first = std::upper_bound(
            pieces.begin(), pieces.end(), begin,
            [](size_t off, const model::MappedText::Piece& p) { return off < p.text_offset; });
        if (first != pieces.begin()) {
            --first;
        }
    }
    auto last = first;
    while (last != pieces.end() && last->text_offset < end) {
        ++last;
    }
    out.pieces.reserve(static_cast<size_t>(last - first));
    for (auto it = first; it != last; ++it) {
        size_t piece_begin = std::max<size_t>(it->text_offset, begin);
        out.pieces.push_back({static_cast<uint32_t>(piece_begin - begin),
                              static_cast<uint32_t>(it->source_offset + (piece_begin - it->text_offset))});
    }
}

void slice_into(TextView text, size_t begin, size_t end, model::MappedText& out) {
    if (text.mapped() != nullptr) {
        slice_into(*text.mapped(), begin, end, out);
        return;
    }
    // One run of the source: the slice is one piece too.
    std::string_view value = text.value();
    begin = std::min(begin, value.size());
    end = std::clamp(end, begin, value.size());
    out.value.assign(value.substr(begin, end - begin));
    out.pieces.clear();
    out.pieces.push_back({0, text.to_source(begin)});
}

model::MappedText slice(const model::MappedText& text, size_t begin, size_t end) {
    model::MappedText out;
    slice_into(text, begin, end, out);
    return out;
}

std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
    // BuildKit's suggest.WrapError: fewer than 3 edits, case-insensitive, case of `word` kept.
    std::string lower = util::to_lower(word);
    std::string best;
    size_t best_distance = 3;
    for (std::string_view c : candidates) {
        size_t length_gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
        if (length_gap >= best_distance) {
            continue;  // at least that many edits: cannot win
        }
        std::string candidate = util::to_lower(c);
        if (candidate == lower) {
            return {};
        }
        size_t d = util::edit_distance(lower, candidate);
        if (d < best_distance) {
            best = word == lower                  ? candidate
                   : word == util::to_upper(word) ? util::to_upper(c)
                                                  : std::string(c);
            best_distance = d;
        }
    }
    return best;
}

std::string suggest(std::string_view word, std::initializer_list<std::string_view> candidates) {
    return suggest(word, std::vector<std::string_view>(candidates));
}

std::string with_suggestion(std::string message, std::string_view match) {
    if (!match.empty()) {
        message += " (did you mean ";
        message += match;
        message += "?)";
    }
    return message;
}

}  // namespace bulwark::input::dockerfile::detail
