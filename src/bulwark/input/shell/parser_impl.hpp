#pragma once
// Internal to the shell parser. One recursive-descent parser whose lexer calls back into the
// grammar for $(...), backticks and <(...), so a substitution is parsed once, in place.
// lexer.cpp: tokens and here-document bodies. words.cpp: quotes, escapes, expansions.
// grammar.cpp: lists, pipelines, simple commands. compound.cpp: compound commands.
// nested.cpp: `sh -c '...'` scripts and merging separately parsed scripts.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/shell.hpp"

namespace bulwark::input::shell::detail {

namespace sh = model::shell;

/// Nesting levels (compound commands, substitutions, nested scripts) before parsing gives up.
inline constexpr int k_max_nesting = 64;

/// "No position" for offset-returning scans.
inline constexpr uint32_t k_none = 0xFFFFFFFFU;

inline bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

/// 256-entry membership table of the characters in `chars`.
constexpr std::array<bool, 256> char_table(std::string_view chars) {
    std::array<bool, 256> t{};
    for (char c : chars) {
        t[static_cast<unsigned char>(c)] = true;
    }
    return t;
}

inline constexpr std::array<bool, 256> k_meta_chars = char_table(" \t\r\n;&|<>()");

/// Characters a word handles one by one (and the meta characters that end it); everything else
/// is copied in runs.
inline constexpr std::array<bool, 256> k_word_special = char_table("'\"\\$`*?[]~{} \t\r\n;&|<>()");

/// Characters that end a word outside [[ ]].
inline bool is_meta(char c) {
    return k_meta_chars[static_cast<unsigned char>(c)];
}

inline bool is_name_start(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_name_char(char c) {
    return is_name_start(c) || (c >= '0' && c <= '9');
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

struct Token {
    TokenKind kind = TokenKind::end;
    Op op = Op::semi;
    uint32_t begin = 0;
    uint32_t end = 0;
    bool plain = false;     // word without quotes, escapes or expansions: may be a reserved word
    bool lazy = false;      // word that is `text` as written (plain, no glob): `full` is not filled
    sh::Word full;          // when kind == word and not lazy
    std::string_view text;  // operator as written (with its fd number); a lazy word's text
};

/// The value of a word token (quotes and escapes resolved).
inline std::string_view word_value(const Token& t) {
    return t.lazy ? t.text : std::string_view(t.full.value);
}

/// The word of a word token, moved out of it.
inline sh::Word take_word(Token& t) {
    if (t.lazy) {
        sh::Word w;
        w.value.assign(t.text);
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
        const char a = v[v.size() - 2];
        const char b = v.back();
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
        if (m_has_tok && !m_abort) {
            return m_tok;
        }
        return peek_slow();
    }
    /// Lexes the next token (peek() found none, or parsing stopped).
    const Token& peek_slow();
    /// The end token once parsing stopped (kept out of the hot path).
    [[gnu::noinline, gnu::cold]] const Token& end_token();
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
    void lex(Token& t);
    void lex_operator(Token& t);
    /// A word: one run of ordinary characters becomes a lazy token, anything else read_word().
    [[gnu::always_inline]] inline void lex_word(Token& t);  // lexer.cpp only
    void read_word(Token& t);
    void read_single_quote(sh::Word& w);
    void read_double_quote(sh::Word& w, bool& expansion);
    void read_dollar(sh::Word& w, bool in_dquote, bool& expansion);
    void read_parameter(sh::Word& w, bool in_dquote);
    void read_ansi_c(sh::Word& w);
    void read_backtick(sh::Word& w, bool in_dquote);
    void read_array_body(sh::Word& w);
    uint32_t arithmetic_end(uint32_t from) const;
    void read_heredoc_bodies();
    void skip_blanks();

    // ---- grammar.cpp, compound.cpp ----
    void parse_list();
    int parse_and_or();
    int parse_pipeline();
    int parse_command(int pipeline, bool piped_in, Token* first);
    int parse_simple(int pipeline, Token* first);
    /// Out of line: rare, and its temporary word would slow parse_simple's word loop.
    [[gnu::noinline]] void add_assignment(sh::Command& c, Token& w);
    [[gnu::noinline]] static void add_plain_assignment(sh::Command& c, std::string_view raw, uint32_t begin,
                                                       uint32_t end);
    int parse_dbracket(int pipeline);
    void parse_redirect(std::vector<sh::Redirect>& out);
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
    void parse_function_body(uint32_t at);
    void skip_newlines();
    bool at_keyword(std::string_view kw);
    bool expect_keyword(std::string_view kw, uint32_t opened_at, std::string_view opener);
    bool is_list_end(const Token& t) const;
    int last_top_command(size_t from) const;
    void mark(size_t from, bool sh::Command::*flag);
    int emit(sh::Command&& c);
    void flush_pending(int parent);
    int new_pipeline();
    int new_scope(bool inherits, bool pipefail);
    bool enter(uint32_t offset);
    void leave();
    void error(uint32_t offset, std::string message);
    std::string describe(const Token& t) const;

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
    bool m_has_tok = false;
    bool m_dbracket = false;  // inside [[ ]]: only blanks and ';' separate words

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
    bool m_abort = false;
    bool m_emit_substitutions = true;
    int m_next_pipeline = 0;
    int m_join_pipeline = -1;  // the next pipeline continues this one (compound after '|')
};

}  // namespace bulwark::input::shell::detail
