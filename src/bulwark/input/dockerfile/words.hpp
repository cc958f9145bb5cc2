#pragma once
// Splitting instruction arguments into words and key=value pairs as BuildKit's line parsers do.
#include <string_view>
#include <vector>

#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile::detail {

/// [begin, end) of a word in the arguments text.
struct Span {
    size_t begin = 0;
    size_t end = 0;
    bool plain = false;  // split_words(): no quote and no escape character in the word
};

/// BuildKit's parseStringsWhitespaceDelimited: split on runs of [\t\v\f\r ], quotes not special.
/// The words go to `out` (cleared first: callers reuse one buffer).
void split_blanks(std::string_view text, std::vector<Span>& out);

/// BuildKit's parseWords: white space separates words except inside quotes; the escape character
/// protects the next character (not inside single quotes). Quotes stay in the words. The words go
/// to `out` (cleared first).
void split_words(std::string_view text, char escape, std::vector<Span>& out);

/// A model word for args[span] (value unquoted when `unquote_value`).
model::Word make_word(const ParseContext& ctx, const model::MappedText& args, Span span, bool unquote_value);
/// make_word() into `w` (e.g. a word just added to an instruction).
void make_word(const ParseContext& ctx, const model::MappedText& args, Span span, bool unquote_value,
               model::Word& w);

/// ENV / LABEL arguments (BuildKit's parseNameVal): `k=v ...` or the legacy `k v`. `keyword` is
/// the instruction name for messages.
void parse_name_values(const ParseContext& ctx, std::string_view keyword, const model::MappedText& args,
                       std::vector<model::KeyValue>& out);

/// ARG arguments (BuildKit's parseNameOrNameVal): `name` or `name=default`, several per line.
void parse_arg_names(const ParseContext& ctx, const model::MappedText& args,
                     std::vector<model::KeyValue>& out);

}  // namespace bulwark::input::dockerfile::detail
