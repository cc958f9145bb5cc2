#include "bulwark/input/dockerfile/words.hpp"

#include <algorithm>
#include <array>
#include <bit>

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bulwark/util/strings.hpp"

namespace bulwark::input::dockerfile::detail {

namespace {

/// What is known of the quotes in part of a word.
enum class Quotes { none, some, unknown };

/// The quotes in `part` of a word whose first quote or escape character is at `first_quote`.
Quotes quotes_in(Span part, size_t first_quote) {
    if (first_quote == k_quotes_unknown || first_quote < part.begin) {
        return Quotes::unknown;  // not scanned, or the first one is before `part`: look at `part`
    }
    return first_quote < part.end ? Quotes::some : Quotes::none;
}

/// Sets `value` to `raw` unquoted and `kept_raw` to `raw` when they differ; when unquoting changes
/// nothing (the word holds no quote or escape character) only `value` is set and `kept_raw` stays
/// empty, which the model reads as "as written = value" (one copy, not two).
void set_unquoted(std::string_view raw, Quotes quotes, char escape, std::string& value,
                  std::string& kept_raw) {
    if (quotes == Quotes::none || (quotes == Quotes::unknown && !needs_unquote(raw, escape))) {
        value.assign(raw);
        return;
    }
    value = unquote(raw, escape);
    kept_raw.assign(raw);
}

/// The pair for `key` and `value`, parts of a word whose first quote is at `first_quote` (see Span).
void add_pair(const ParseContext& ctx, const model::MappedText& args, Span key, Span value, bool has_value,
              size_t first_quote, std::vector<model::KeyValue>& out) {
    std::string_view text = args.value;
    model::KeyValue& kv = out.emplace_back();
    set_unquoted(text.substr(key.begin, key.end - key.begin), quotes_in(key, first_quote), ctx.escape, kv.key,
                 kv.raw_key);
    kv.key_range = args.source_range(key.begin, key.end);
    kv.has_value = has_value;
    if (has_value) {
        set_unquoted(text.substr(value.begin, value.end - value.begin), quotes_in(value, first_quote),
                     ctx.escape, kv.value, kv.raw_value);
        kv.value_range = args.source_range(value.begin, value.end);
    }
}

/// Bytes that end split_words()'s fast run inside a word: white space and controls, non-ASCII,
/// quotes and the escape character.
struct WordStops {
    std::array<bool, 256> stop{};
    explicit WordStops(char escape) {
        for (size_t u = 0; u < stop.size(); ++u) {
            stop[u] =
                u <= ' ' || u >= 0x80 || u == '\'' || u == '"' || u == static_cast<unsigned char>(escape);
        }
    }
};

/// The table for `escape` (the two escapes a Dockerfile allows), or nullptr for any other.
const WordStops* word_stops(char escape) {
    static const WordStops k_backslash('\\');
    static const WordStops k_backtick('`');
    return escape == '\\' ? &k_backslash : escape == '`' ? &k_backtick : nullptr;
}

/// split_blanks()'s byte classes: blanks end a word; quotes and the escape character are noted.
struct ByteClasses {
    enum : uint8_t { other, blank, quote };
    std::array<uint8_t, 256> of{};
    char escape;

    explicit ByteClasses(char escape_char) : escape(escape_char) {
        for (size_t u = 0; u < of.size(); ++u) {
            auto c = static_cast<char>(u);
            of[u] = is_blank(c) ? blank : (c == '\'' || c == '"' || c == escape) ? quote : other;
        }
    }
};

/// The classes for `escape`.
const ByteClasses& byte_classes(char escape) {
    static const ByteClasses k_backslash('\\');
    static const ByteClasses k_backtick('`');
    if (escape == '\\' || escape == '`') {
        return escape == '\\' ? k_backslash : k_backtick;
    }
    static thread_local ByteClasses other(escape);  // only reached by direct calls: a file's escape is \ or `
    if (other.escape != escape) {
        other = ByteClasses(escape);
    }
    return other;
}

#if defined(__SSE2__)
/// The 16 bytes at `p`.
__m128i load16(const char* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

/// Bit i set when byte i of `v` is a quote or `escape`.
unsigned quote_mask(__m128i v, __m128i escape) {
    __m128i q = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(q, _mm_cmpeq_epi8(v, escape))));
}
#endif

/// The first offset >= `pos` in `text` holding a byte of `stops`, or text.size(). Sixteen bytes at
/// a time where SSE2 is there (words are short, but most fit in one step).
size_t word_stop(std::string_view text, size_t pos, char escape, const WordStops& stops) {
    const size_t n = text.size();
#if defined(__SSE2__)
    const __m128i k_above_space = _mm_set1_epi8('!');
    const __m128i esc = _mm_set1_epi8(escape);
    while (pos + 16 <= n) {
        __m128i v = load16(text.data() + pos);
        // Signed bytes: below '!' are white space and controls, and every byte >= 0x80 is negative.
        unsigned mask =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, k_above_space))) | quote_mask(v, esc);
        if (mask != 0) {
            return pos + static_cast<size_t>(std::countr_zero(mask));
        }
        pos += 16;
    }
#else
    (void)escape;
#endif
    while (pos < n && !stops.stop[static_cast<unsigned char>(text[pos])]) {
        ++pos;
    }
    return pos;
}

/// The first offset >= `pos` in `text` holding `quote` or `escape`, or text.size().
size_t quote_stop(std::string_view text, size_t pos, char quote, char escape) {
    const size_t n = text.size();
#if defined(__SSE2__)
    const __m128i q = _mm_set1_epi8(quote);
    const __m128i esc = _mm_set1_epi8(escape);
    while (pos + 16 <= n) {
        __m128i v = load16(text.data() + pos);
        auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, esc))));
        if (mask != 0) {
            return pos + static_cast<size_t>(std::countr_zero(mask));
        }
        pos += 16;
    }
#endif
    while (pos < n && text[pos] != quote && text[pos] != escape) {
        ++pos;
    }
    return pos;
}

/// split_blanks()'s scan of one word from `pos` (not blank): returns its end and sets
/// `first_quote` to its first quote or escape character (k_quotes_unknown if none).
size_t blank_word_end(std::string_view text, size_t pos, const ByteClasses& classes, size_t& first_quote) {
    const size_t n = text.size();
#if defined(__SSE2__)
    if (classes.escape == '\\' || classes.escape == '`') {  // blanks and quotes are apart
        const __m128i esc = _mm_set1_epi8(classes.escape);
        const __m128i k_before_vt = _mm_set1_epi8('\v' - 1);
        const __m128i k_after_cr = _mm_set1_epi8('\r' + 1);
        while (pos + 16 <= n) {
            __m128i v = load16(text.data() + pos);
            // [\t\v\f\r ]: space, tab, or a byte in \v..\r.
            __m128i blank = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                _mm_and_si128(_mm_cmpgt_epi8(v, k_before_vt), _mm_cmplt_epi8(v, k_after_cr)));
            auto blanks = static_cast<unsigned>(_mm_movemask_epi8(blank));
            unsigned quotes = quote_mask(v, esc);
            if (blanks != 0) {
                unsigned before = quotes & ((1U << std::countr_zero(blanks)) - 1U);
                if (first_quote == k_quotes_unknown && before != 0) {
                    first_quote = pos + static_cast<size_t>(std::countr_zero(before));
                }
                return pos + static_cast<size_t>(std::countr_zero(blanks));
            }
            if (first_quote == k_quotes_unknown && quotes != 0) {
                first_quote = pos + static_cast<size_t>(std::countr_zero(quotes));
            }
            pos += 16;
        }
    }
#endif
    for (; pos < n; ++pos) {
        uint8_t c = classes.of[static_cast<unsigned char>(text[pos])];
        if (c == ByteClasses::blank) {
            break;
        }
        if (c == ByteClasses::quote && first_quote == k_quotes_unknown) {
            first_quote = pos;
        }
    }
    return pos;
}

}  // namespace

void split_blanks(std::string_view text, char escape, std::vector<Span>& out) {
    out.clear();
    const ByteClasses& classes = byte_classes(escape);
    const size_t n = text.size();
    size_t pos = 0;
    while (true) {
        pos = skip_blanks(text, pos);
        if (pos >= n) {
            return;
        }
        size_t begin = pos;
        size_t first_quote = k_quotes_unknown;
        pos = blank_word_end(text, pos, classes, first_quote);
        out.push_back({begin, pos, std::min(first_quote, pos)});
    }
}

void split_words(std::string_view text, char escape, std::vector<Span>& out) {
    enum class Phase { spaces, word, quote };
    out.clear();
    Phase phase = Phase::spaces;
    char quote = 0;
    size_t begin = 0;
    size_t end = 0;  // end of what the current word holds (a dropped trailing escape excluded)
    size_t first_quote = k_quotes_unknown;  // first quote or escape character of the current word
    size_t pos = 0;
    const size_t n = text.size();
    const WordStops* stops = word_stops(escape);
    while (pos < n) {
        if (phase == Phase::spaces) {
            if (size_t sl = space_length(text, pos); sl != 0) {
                pos += sl;
                continue;
            }
            phase = Phase::word;
            begin = pos;
            end = pos;
            first_quote = k_quotes_unknown;
        }
        if (phase == Phase::word) {
            // Fast path: a run of printable ASCII that is neither a quote nor the escape.
            size_t run = pos;
            if (stops != nullptr) {
                run = word_stop(text, pos, escape, *stops);
            } else {
                while (run < n) {
                    auto u = static_cast<unsigned char>(text[run]);
                    if (u <= ' ' || u >= 0x80 || u == '\'' || u == '"' || text[run] == escape) {
                        break;
                    }
                    ++run;
                }
            }
            if (run > pos) {
                pos = end = run;
                continue;
            }
        } else if (phase == Phase::quote) {
            size_t run = quote_stop(text, pos, quote, escape);
            if (run > pos) {
                pos = end = run;
                continue;
            }
        }
        char c = text[pos];
        if (phase == Phase::word) {
            if (size_t sl = space_length(text, pos); sl != 0) {
                if (end > begin) {
                    out.push_back({begin, end, std::min(first_quote, end)});
                }
                phase = Phase::spaces;
                pos += sl;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                phase = Phase::quote;
                first_quote = std::min(first_quote, pos);
            }
            if (c == escape) {
                first_quote = std::min(first_quote, pos);
                if (pos + 1 == n) {
                    ++pos;  // an escape at the very end is dropped
                    continue;
                }
                ++pos;
            }
            end = ++pos;
            continue;
        }
        // Phase::quote
        if (c == quote) {
            phase = Phase::word;
        }
        if (c == escape && quote != '\'') {
            if (pos + 1 == n) {
                phase = Phase::word;
                ++pos;
                continue;
            }
            ++pos;
        }
        end = ++pos;
    }
    if (phase != Phase::spaces && end > begin) {
        out.push_back({begin, end, std::min(first_quote, end)});
    }
}

void make_word(const ParseContext& ctx, const model::MappedText& args, Span span, bool unquote_value,
               model::Word& w) {
    std::string_view raw = std::string_view(args.value).substr(span.begin, span.end - span.begin);
    set_unquoted(raw, unquote_value ? quotes_in(span, span.first_quote) : Quotes::none, ctx.escape, w.value,
                 w.raw);
    w.range = args.source_range(span.begin, span.end);
}

model::Word make_word(const ParseContext& ctx, const model::MappedText& args, Span span, bool unquote_value) {
    model::Word w;
    make_word(ctx, args, span, unquote_value, w);
    return w;
}

void parse_name_values(const ParseContext& ctx, std::string_view keyword, const model::MappedText& args,
                       std::vector<model::KeyValue>& out) {
    std::string_view text = args.value;
    static thread_local std::vector<Span> words;  // reused: no allocation per instruction
    split_words(text, ctx.escape, words);
    if (words.empty()) {
        return;
    }
    out.reserve(out.size() + words.size());
    std::string_view first = text.substr(words[0].begin, words[0].end - words[0].begin);
    if (first.find('=') == std::string_view::npos) {
        // Legacy `KEY value with spaces`: the key, then everything after the first blank run.
        size_t key_end = 0;
        while (key_end < text.size() && !is_blank(text[key_end])) {
            ++key_end;
        }
        if (key_end == text.size()) {
            ctx.error(args.to_source(0), fmt::format("{} must have two arguments", keyword));
            return;
        }
        size_t value_begin = skip_blanks(text, key_end);
        add_pair(ctx, args, {0, key_end}, {value_begin, text.size()}, true, k_quotes_unknown, out);
        return;
    }
    for (Span w : words) {
        std::string_view word = text.substr(w.begin, w.end - w.begin);
        size_t eq = word.find('=');
        if (eq == std::string_view::npos) {
            ctx.error(args.to_source(w.begin),
                      fmt::format("Syntax error - can't find = in {}. Must be of the form: name=value",
                                  util::double_quote(word)));
            continue;
        }
        if (eq == 0) {
            ctx.error(args.to_source(w.begin), fmt::format("{} names can not be blank", keyword));
        }
        add_pair(ctx, args, {w.begin, w.begin + eq}, {w.begin + eq + 1, w.end}, true, w.first_quote, out);
    }
}

void parse_arg_names(const ParseContext& ctx, const model::MappedText& args,
                     std::vector<model::KeyValue>& out) {
    std::string_view text = args.value;
    static thread_local std::vector<Span> words;  // reused: no allocation per instruction
    split_words(text, ctx.escape, words);
    out.reserve(out.size() + words.size());
    for (Span w : words) {
        std::string_view word = text.substr(w.begin, w.end - w.begin);
        size_t eq = word.find('=');
        if (eq == std::string_view::npos) {
            add_pair(ctx, args, w, {w.end, w.end}, false, w.first_quote, out);
            continue;
        }
        if (eq == 0) {
            ctx.error(args.to_source(w.begin), "ARG names can not be blank");
        }
        add_pair(ctx, args, {w.begin, w.begin + eq}, {w.begin + eq + 1, w.end}, true, w.first_quote, out);
    }
}

}  // namespace bulwark::input::dockerfile::detail
