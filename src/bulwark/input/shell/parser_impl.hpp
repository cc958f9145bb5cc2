#pragma once
// Internal to the shell parser. One recursive-descent parser whose lexer calls back into the
// grammar for $(...), backticks and <(...), so a substitution is parsed once, in place.
// lexer.cpp: tokens and here-document bodies. words.cpp: quotes, escapes, expansions.
// grammar.cpp: lists, pipelines, simple commands. compound.cpp: compound commands.
// nested.cpp: `sh -c '...'` scripts and merging separately parsed scripts.
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bulwark/model/shell.hpp"

namespace bulwark::input::shell::detail {

namespace sh = model::shell;

/// Nesting levels (compound commands, substitutions, nested scripts) the recursive parser reads;
/// deeper constructs are read by Parser::parse_flat(), which does not recurse.
inline constexpr int k_max_nesting = 64;

/// Nested `sh -c` scripts read flat past k_max_nesting (each is a Parser of its own) before a
/// deeper one is left a word: bounds the stack there too.
inline constexpr int k_max_flat_scripts = 16;

/// "No position" for offset-returning scans.
inline constexpr uint32_t k_none = 0xFFFFFFFFU;

/// 256-entry membership table of the characters in `chars`.
constexpr std::array<bool, 256> char_table(std::string_view chars) {
    std::array<bool, 256> t{};
    for (char c : chars) {
        t[static_cast<unsigned char>(c)] = true;
    }
    return t;
}

inline constexpr std::array<bool, 256> k_meta_chars = char_table(" \t\r\n;&|<>()");
inline constexpr std::array<bool, 256> k_blank_chars = char_table(" \t\r");

inline bool is_blank(char c) {
    return k_blank_chars[static_cast<unsigned char>(c)];
}

/// Characters a word handles one by one (and the meta characters that end it); everything else
/// is copied in runs.
inline constexpr std::array<bool, 256> k_word_special = char_table("'\"\\$`*?[]~{} \t\r\n;&|<>()");

inline bool is_word_special(char c) {
    return k_word_special[static_cast<unsigned char>(c)];
}

/// The end of the run of characters from `p` that k_word_special does not list (at most `end`).
/// With SSE2, sixteen bytes per step are tested for the usual word characters (letters, digits,
/// "+,-./:=_"); a byte outside those is looked up in the table.
inline uint32_t plain_run_end(const char* text, uint32_t p, uint32_t end) {
    // Most words are short: up to eight bytes one by one first.
    if (end - p >= 8) {
        for (uint32_t k = 0; k < 8; ++k) {
            if (is_word_special(text[p + k])) {
                return p + k;
            }
        }
        p += 8;
    }
#if defined(__SSE2__)
    const __m128i k_case = _mm_set1_epi8(0x20);
    const __m128i k_a = _mm_set1_epi8('a');
    const __m128i k_letters = _mm_set1_epi8('z' - 'a');
    const __m128i k_plus = _mm_set1_epi8('+');
    const __m128i k_punct_digits = _mm_set1_epi8(':' - '+');  // + , - . / 0-9 :
    const __m128i k_underscore = _mm_set1_epi8('_');
    const __m128i k_equals = _mm_set1_epi8('=');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + p));
        // x in [lo, lo + n] <=> min(x - lo, n) == x - lo (unsigned bytes).
        const __m128i l = _mm_sub_epi8(_mm_or_si128(v, k_case), k_a);
        const __m128i d = _mm_sub_epi8(v, k_plus);
        const __m128i ok =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(l, k_letters), l),
                                      _mm_cmpeq_epi8(_mm_min_epu8(d, k_punct_digits), d)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, k_underscore), _mm_cmpeq_epi8(v, k_equals)));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(ok));
        if (mask == 0xFFFFU) {
            p += 16;
            continue;
        }
        p += static_cast<uint32_t>(__builtin_ctz(~mask));
        if (is_word_special(text[p])) {
            return p;
        }
        ++p;  // an ordinary byte outside the fast set ('%', '#', UTF-8 ...)
    }
#endif
    while (p < end && !is_word_special(text[p])) {
        ++p;
    }
    return p;
}

/// The end of the run of blanks (space, tab, CR) from `p` (at most `end`); long indentation runs
/// of spaces and tabs are skipped sixteen bytes at a time with SSE2.
inline uint32_t blank_run_end(const char* text, uint32_t p, uint32_t end) {
    if (p >= end || !is_blank(text[p])) {
        return p;
    }
    ++p;
    if (p >= end || !is_blank(text[p])) {
        return p;  // the usual single blank
    }
#if defined(__SSE2__)
    const __m128i k_space = _mm_set1_epi8(' ');
    const __m128i k_tab = _mm_set1_epi8('\t');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + p));
        const auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, k_space), _mm_cmpeq_epi8(v, k_tab))));
        if (mask != 0xFFFFU) {
            p += static_cast<uint32_t>(__builtin_ctz(~mask));
            break;
        }
        p += 16;
    }
#endif
    while (p < end && is_blank(text[p])) {
        ++p;
    }
    return p;
}

/// Characters a double-quoted string handles one by one.
inline constexpr std::array<bool, 256> k_dquote_special = char_table("\"\\$`");

/// The end of the run of characters from `p` inside double quotes that k_dquote_special does not
/// list (at most `end`). Quoted strings are often long (`sh -c "..."`, URLs, messages): with SSE2
/// they are scanned sixteen bytes per step.
inline uint32_t dquote_run_end(const char* text, uint32_t p, uint32_t end) {
#if defined(__SSE2__)
    const __m128i k_quote = _mm_set1_epi8('"');
    const __m128i k_backslash = _mm_set1_epi8('\\');
    const __m128i k_dollar = _mm_set1_epi8('$');
    const __m128i k_backtick = _mm_set1_epi8('`');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + p));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, k_quote), _mm_cmpeq_epi8(v, k_backslash)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, k_dollar), _mm_cmpeq_epi8(v, k_backtick)));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (mask != 0) {
            return p + static_cast<uint32_t>(__builtin_ctz(mask));
        }
        p += 16;
    }
#endif
    while (p < end && !k_dquote_special[static_cast<unsigned char>(text[p])]) {
        ++p;
    }
    return p;
}

/// Characters that end a word outside [[ ]].
inline bool is_meta(char c) {
    return k_meta_chars[static_cast<unsigned char>(c)];
}

inline constexpr std::array<bool, 256> k_name_start =
    char_table("_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
inline constexpr std::array<bool, 256> k_name_chars =
    char_table("_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

inline bool is_name_start(char c) {
    return k_name_start[static_cast<unsigned char>(c)];
}
inline bool is_name_char(char c) {
    return k_name_chars[static_cast<unsigned char>(c)];
}

enum class TokenKind : uint8_t { end, word, newline, op };

enum class Op : uint8_t {
    and_if,
    or_if,
    semi,
    amp,
    pipe,
    pipe_amp,
    lparen,
    rparen,
    dsemi,
    semi_amp,
    dsemi_amp,
    redirect,
    heredoc
};

/// The reserved words (and `!`, `[[`, `time`, `function`) the grammar tests tokens for.
enum class Kw : uint8_t {
    none,
    lbrace,
    rbrace,
    bang,
    dbracket,
    if_,
    then,
    elif,
    else_,
    fi,
    do_,
    done,
    while_,
    until,
    for_,
    select,
    case_,
    esac,
    in,
    function,
    time
};

/// The first bytes of a word (up to 4) as a little-endian integer, for whole-word compares.
template <size_t N>
constexpr uint32_t word_code(const char (&s)[N]) {
    uint32_t code = 0;
    for (size_t i = 0; i + 1 < N && i < 4; ++i) {
        code |= static_cast<uint32_t>(static_cast<unsigned char>(s[i])) << (8U * i);
    }
    return code;
}

struct KwCode {
    uint32_t code;
    Kw kw;
};

/// The reserved words of two and four bytes, by word_code().
inline constexpr std::array<KwCode, 5> k_kw2 = {{{word_code("if"), Kw::if_},
                                                 {word_code("fi"), Kw::fi},
                                                 {word_code("do"), Kw::do_},
                                                 {word_code("in"), Kw::in},
                                                 {word_code("[["), Kw::dbracket}}};
inline constexpr std::array<KwCode, 7> k_kw4 = {{{word_code("then"), Kw::then},
                                                 {word_code("else"), Kw::else_},
                                                 {word_code("elif"), Kw::elif},
                                                 {word_code("done"), Kw::done},
                                                 {word_code("esac"), Kw::esac},
                                                 {word_code("case"), Kw::case_},
                                                 {word_code("time"), Kw::time}}};

/// The reserved word spelled `v`, or Kw::none: one switch on the length, then whole-word integer
/// compares (no memcmp calls).
inline Kw classify_word(std::string_view v) {
    const char* p = v.data();
    auto load = [p](size_t n) {
        uint32_t x = 0;
        std::memcpy(&x, p, n);  // little-endian, as word_code()
        return x;
    };
    auto find = [](uint32_t x, const auto& table) {
        for (const KwCode& e : table) {
            if (x == e.code) {
                return e.kw;
            }
        }
        return Kw::none;
    };
    switch (v.size()) {
        case 1:
            return p[0] == '{' ? Kw::lbrace : p[0] == '}' ? Kw::rbrace : p[0] == '!' ? Kw::bang : Kw::none;
        case 2:
            return find(load(2), k_kw2);
        case 3:
            return p[0] == 'f' && p[1] == 'o' && p[2] == 'r' ? Kw::for_ : Kw::none;
        case 4:
            return find(load(4), k_kw4);
        case 5:
            return p[4] == 'e' && load(4) == word_code("whil")   ? Kw::while_
                   : p[4] == 'l' && load(4) == word_code("unti") ? Kw::until
                                                                 : Kw::none;
        case 6:
            return p[4] == 'c' && p[5] == 't' && load(4) == word_code("sele") ? Kw::select : Kw::none;
        case 8:
            return p[4] == 't' && p[5] == 'i' && p[6] == 'o' && p[7] == 'n' && load(4) == word_code("func")
                       ? Kw::function
                       : Kw::none;
        default:
            return Kw::none;
    }
}

/// Reserved words that end a list (then, elif, else, fi, do, done, esac, }).
inline bool is_list_end_kw(Kw k) {
    return k == Kw::then || k == Kw::elif || k == Kw::else_ || k == Kw::fi || k == Kw::do_ || k == Kw::done ||
           k == Kw::esac || k == Kw::rbrace;
}

/// Reserved words that start a compound command ({, if, while, until, for, select, case).
inline bool is_compound_kw(Kw k) {
    return k == Kw::lbrace || k == Kw::if_ || k == Kw::while_ || k == Kw::until || k == Kw::for_ ||
           k == Kw::select || k == Kw::case_;
}

struct Token {
    TokenKind kind = TokenKind::end;
    Op op = Op::semi;
    Kw kw = Kw::none;  // the reserved word of a plain word token, else none
    uint32_t begin = 0;
    uint32_t end = 0;
    bool plain = false;     // word without quotes, escapes or expansions: may be a reserved word
    bool lazy = false;      // word that is `text` as written (plain, no glob): `full` is not filled
    sh::Word full;          // when kind == word and not lazy
    std::string_view text;  // operator as written (with its fd number); a lazy word's text
};

/// Sets the value of `w`, a word just made (its value empty), to `v`: the string is constructed in
/// place, one copy; assign() took its general replace path and a constructed temporary costs a
/// second copy when moved (std::string's move copies an inline buffer with memcpy).
inline void set_word_value(sh::Word& w, std::string_view v) {
    std::destroy_at(&w.value);
    std::construct_at(&w.value, v.data(), v.size());
}

/// The value of a word token (quotes and escapes resolved).
inline std::string_view word_value(const Token& t) {
    return t.lazy ? t.text : std::string_view(t.full.value);
}

/// The word of a word token, moved out of it.
inline sh::Word take_word(Token& t) {
    if (t.lazy) {
        sh::Word w;
        set_word_value(w, t.text);
        w.begin = t.begin;
        w.end = t.end;
        return w;
    }
    return std::move(t.full);
}

/// A reserved word (unquoted, unexpanded) spelled `kw`.
inline bool is_word(const Token& t, std::string_view kw) {
    return t.kind == TokenKind::word && t.plain && word_value(t) == kw;
}

inline bool is_op(const Token& t, Op op) {
    return t.kind == TokenKind::op && t.op == op;
}

/// Reserved words that start a compound command.
inline bool is_compound_keyword(std::string_view v) {
    return v == "{" || v == "if" || v == "while" || v == "until" || v == "for" || v == "select" ||
           v == "case";
}

// NAME=value, NAME+=value or NAME[index]=value, judged on the word as written.
inline bool is_assignment(std::string_view raw) {
    if (raw.empty() || !is_name_start(raw[0])) {
        return false;
    }
    size_t i = 1;
    while (i < raw.size() && is_name_char(raw[i])) {
        ++i;
    }
    if (i < raw.size() && raw[i] == '[') {
        size_t close = raw.find(']', i);
        if (close == std::string_view::npos) {
            return false;
        }
        i = close + 1;
    }
    if (i < raw.size() && raw[i] == '+') {
        ++i;
    }
    return i < raw.size() && raw[i] == '=';
}

/// True when `v` is `name` or ends with "/name".
inline bool is_path_to(std::string_view v, std::string_view name) {
    return v.size() >= name.size() && v.substr(v.size() - name.size()) == name &&
           (v.size() == name.size() || v[v.size() - name.size() - 1] == '/');
}

/// False when no word of `c` names a shell, su or runuser, so that it cannot run a nested script
/// (expand_nested() looks no further). Most commands stop at the last two letters of each word.
inline bool may_run_script(const sh::Command& c) {
    for (const sh::Word& w : c.argv) {
        const std::string_view v = w.value;
        if (v.size() < 2) {
            continue;
        }
        const char b = v.back();
        if (b != 'h' && b != 'u' && b != 'x' && b != 'r') {
            continue;  // most words: one test
        }
        const char a = v[v.size() - 2];
        if (a == 's' && b == 'h') {
            for (std::string_view n : {"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"}) {
                if (is_path_to(v, n)) {
                    return true;
                }
            }
        } else if ((a == 's' && b == 'u' && is_path_to(v, "su")) ||
                   (a == 'o' && b == 'x' && is_path_to(v, "busybox")) ||
                   (a == 'e' && b == 'r' && is_path_to(v, "runuser"))) {
            return true;
        }
    }
    return false;
}

/// How offsets of a separately parsed text map back: exactly (base + offset) or onto one range.
struct Mapping {
    bool exact = false;
    uint32_t base = 0;
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t map_begin(uint32_t off) const { return exact ? base + off : begin; }
    uint32_t map_end(uint32_t off) const { return exact ? base + off : end; }
};

/// Where the commands of a separately parsed script go and what they inherit.
struct MergeContext {
    int depth = 0;  // depth of the inner script's top-level commands
    bool in_substitution = false;
    bool in_function = false;
    int scope_parent = 0;
    bool scope_inherits = true;  // false for a new shell process
    bool scope_pipefail = false;
    int parent = -1;  // index in the destination of the owning command, -1 for none
};

class Parser {
  public:
    /// `nesting` is the number of levels used by enclosing parses; `emit_substitutions` false drops
    /// commands of $(...) (already emitted by the enclosing parse).
    Parser(std::string_view text, int nesting, bool emit_substitutions);
    /// Parses the whole text. Command::parent is absolute in the result.
    sh::Script run();

  private:
    // ---- lexer.cpp, words.cpp ----
    /// The current token (lexed on first use).
    const Token& peek() {
        if (m_has_tok) {
            return m_tok;
        }
        return peek_slow();
    }
    /// False when the next token cannot be '(': no token is lexed yet and the next byte after
    /// blanks is none of '(' and the '\\' and '#' that lex() skips first. Lets parse_simple() test
    /// for `name()` without lexing the next word as a token (its loop reads it faster).
    bool may_open_paren() const {
        if (m_has_tok) {
            return true;
        }
        const uint32_t p = blank_run_end(m_text.data(), m_pos, m_end);
        return p < m_end && (m_text[p] == '(' || m_text[p] == '\\' || m_text[p] == '#');
    }
    /// Lexes the next token (peek() found none).
    const Token& peek_slow();
    Token take();
    /// Consumes the current token without copying it.
    void drop() {
        peek();
        m_has_tok = false;
    }
    /// Consumes the current token; the reference is valid until the next peek().
    Token& take_ref() {
        peek();
        m_has_tok = false;
        return m_tok;
    }
    [[gnu::always_inline]] inline void lex(Token& t);  // lexer.cpp only (in peek_slow())
    /// With no current token: the end of the next word when it is a lazy word (one run of
    /// ordinary characters), which is then not lexed; else lexes the next token into m_tok (as
    /// peek() would) and returns k_none.
    uint32_t plain_word_or_lex();
    [[gnu::always_inline]] inline void lex_operator(Token& t);  // lexer.cpp only
    /// A word: one run of ordinary characters becomes a lazy token, anything else read_word().
    [[gnu::always_inline]] inline void lex_word(Token& t);  // lexer.cpp only
    /// A word from m_pos whose first `run - m_pos` bytes are ordinary characters (plain_run_end()).
    void read_word(Token& t, uint32_t run);
    void read_single_quote(sh::Word& w);
    void read_double_quote(sh::Word& w, bool& expansion);
    void read_dollar(sh::Word& w, bool in_dquote, bool& expansion);
    void read_parameter(sh::Word& w, bool in_dquote);
    void read_ansi_c(sh::Word& w);
    void read_backtick(sh::Word& w, bool in_dquote);
    void read_array_body(sh::Word& w);
    /// Notes that `w.value` from byte `from` to its end is an expansion as written, when the
    /// word being read records them (not in the scratch words of ${...} and arrays).
    void note_expansion(const sh::Word& w, size_t from) {
        if (m_recording && from < w.value.size()) {
            m_expansions.push_back({static_cast<uint32_t>(from), static_cast<uint32_t>(w.value.size())});
        }
    }
    uint32_t arithmetic_end(uint32_t from) const;
    /// The end of the bracketed text opening at `from` (`${...}`'s '{', `$[...]`'s '['), past its
    /// closer, nested pairs counted and backslash escapes skipped; m_end when it is not closed.
    uint32_t bracket_end(uint32_t from) const;
    void read_heredoc_bodies();
    void skip_blanks();

    // ---- grammar.cpp, compound.cpp ----
    void parse_list();
    /// Parses an and-or list; `guarded` is where its elements that run only after a true test
    /// start (`cd x` in `[ -d x ] && cd x`), SIZE_MAX if none: parse_list() marks them in_branch
    /// unless the script ends with the list.
    int parse_and_or(size_t& guarded);
    int parse_pipeline();
    int parse_command(int pipeline, bool piped_in, Token* first);
    int parse_simple(int pipeline, Token* first);
    /// Out of line: rare, and its temporary word would slow parse_simple's word loop.
    [[gnu::noinline]] void add_assignment(sh::Command& c, Token& w);
    [[gnu::noinline]] static void add_plain_assignment(sh::Command& c, std::string_view raw, uint32_t begin,
                                                       uint32_t end);
    int parse_dbracket(int pipeline);
    void parse_redirect(std::vector<sh::Redirect>& out);
    /// Records the here-document of `r` (a `<<`/`<<-` redirection at `op`, its target read): its
    /// body is read after the next newline.
    void add_heredoc(sh::Redirect& r, uint32_t op);
    void parse_compound_redirects();
    bool try_arithmetic_command();
    void parse_compound(const Token& kw);
    void parse_subshell(uint32_t open);
    void parse_if(uint32_t at);
    void parse_loop(uint32_t at, std::string_view kw);
    void parse_do_done(uint32_t at, std::string_view kw);
    void parse_for(uint32_t at, std::string_view kw);
    void parse_case(uint32_t at);
    void parse_function_keyword();
    /// Parses the body of function `name` (defined at `at`) and records it in Script::functions.
    void parse_function_body(uint32_t at, std::string name);
    void skip_newlines();
    bool at_keyword(std::string_view kw);
    bool expect_keyword(std::string_view kw, uint32_t opened_at, std::string_view opener);
    bool is_list_end(const Token& t) const;
    int last_top_command(size_t from) const;
    /// True when the status of an and-or list element ending with command `last` (-1: none) may
    /// be false on an ordinary run: a test (`[`, `test`, `[[`, `((...))`) or a negated pipeline.
    bool status_may_be_false(int last) const;
    void mark(size_t from, bool sh::Command::*flag);
    int emit(sh::Command&& c);
    /// Finishes command `k`, already at the end of the sink: context, pending substitutions,
    /// nested scripts. Returns `k`.
    int emitted(size_t k);
    void flush_pending(int parent);
    int new_pipeline();
    int new_scope(bool inherits, bool pipefail);
    /// Moves the commands emitted since `first_command` that run in the current scope, and the
    /// scopes opened since `first_scope` and functions defined since `first_function` directly in
    /// it, into a new subshell scope.
    void into_subshell(size_t first_command, size_t first_scope, size_t first_function);
    /// Enters one more level of nesting; false at k_max_nesting, after noting once in the errors
    /// that the structure past it is approximated (the caller reads the construct with
    /// parse_flat() instead).
    bool enter(uint32_t offset);
    void leave();
    void error(uint32_t offset, std::string message, bool stops_parse = false);
    std::string describe(const Token& t) const;

    // ---- flat.cpp ----
    /// Where parse_flat() stops: at the end of the text, at the ')' that closes the substitution
    /// m_pos is in, or at the end of the compound command that starts at m_pos.
    enum class FlatUntil : uint8_t { end, paren, construct };
    /// Reads from m_pos without recursion, into *m_sink: simple commands whose words are split as
    /// the lexer splits them, split on operators, ( ) and the substitutions in their words (the
    /// commands of a substitution after the command that holds it), compound keywords dropped.
    /// Every command is in a branch, at `depth`, in a scope nested in m_scope.
    void parse_flat(FlatUntil until, int depth);
    /// Appends the commands parse_flat() read, `ended` in the order they ended (each after the
    /// commands of its substitutions, whose block begins at `starts[i]`), to *m_sink in source
    /// order, each followed by its nested script and then its substitutions' commands.
    void write_flat(std::vector<sh::Command>& ended, const std::vector<uint32_t>& starts);
    /// lex_operator() from m_pos for callers outside lexer.cpp (lexer.cpp).
    void lex_operator_at(Token& t);

    // ---- nested.cpp ----
    void parse_substitution(uint32_t open, bool until_paren);
    void parse_escaped_backtick(uint32_t open, uint32_t end, std::string inner);
    void expand_nested(size_t index);
    void merge(sh::Script&& inner, const Mapping& map, const MergeContext& ctx,
               std::vector<sh::Command>& dest);

    std::string_view m_text;
    uint32_t m_pos = 0;
    uint32_t m_end = 0;
    Token m_tok;
    Token m_time_word;  // a `time` that is not a keyword, for parse_pipeline() -> parse_simple()
    bool m_has_tok = false;
    bool m_dbracket = false;  // inside [[ ]]: only blanks and ';' separate words
    // The expansions of the words being read (a word inside $(...) stacks its own on its outer
    // word's), for sh::Word::expansions; m_recording is off inside ${...} and arrays.
    std::vector<util::ByteRange> m_expansions;
    bool m_recording = false;

    sh::Script m_script;  // errors, heredocs, scopes (commands go through m_sink)
    std::vector<sh::Command>* m_sink = nullptr;
    std::vector<sh::Command> m_pending;  // commands of substitutions in words not yet consumed
    struct PendingHeredoc {
        int index = 0;    // into m_script.heredocs
        uint32_t op = 0;  // offset of its `<<` (for errors)
    };
    std::vector<PendingHeredoc> m_pending_heredocs;  // bodies start after the next newline

    int m_depth = 0;
    bool m_in_subst = false;
    bool m_in_function = false;
    int m_scope = 0;
    int m_nesting = 0;
    bool m_limit_noted = false;  // the nesting limit's warning is in m_script.errors
    bool m_flat_all = false;     // run() reads the whole text with parse_flat()
    bool m_emit_substitutions = true;
    int m_next_pipeline = 0;
    int m_join_pipeline = -1;  // the next pipeline continues this one (compound after '|')
};

}  // namespace bulwark::input::shell::detail
