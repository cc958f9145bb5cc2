#pragma once
// Splitting instruction arguments into words and key=value pairs as BuildKit's line parsers do.
#include <string_view>
#include <vector>

#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile::detail {

/// Span::first_quote when nobody looked for quotes.
inline constexpr size_t k_quotes_unknown = static_cast<size_t>(-1);

/// [begin, end) of a word in the arguments text.
struct Span {
    size_t begin = 0;
    size_t end = 0;
    /// split_words(): offset of the word's first quote or escape character, `end` when it has none
    /// (then nothing in it needs unquoting); k_quotes_unknown when the splitter did not look.
    size_t first_quote = k_quotes_unknown;
};

/// BuildKit's parseStringsWhitespaceDelimited: split on runs of [\t\v\f\r ], quotes not special
/// (each span still notes its first quote or `escape` character). The words go to `out` (cleared
/// first: callers reuse one buffer).
void split_blanks(std::string_view text, char escape, std::vector<Span>& out);

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
