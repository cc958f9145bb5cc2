// Tokens: operators, newlines (which start here-document bodies), comments and line continuations.
// Words themselves are read in words.cpp.
#include <cstring>

#include "bulwark/input/shell/parser_impl.hpp"

namespace bulwark::input::shell::detail {

const Token& Parser::peek_slow() {
    // Lex in place: a substitution inside the word re-enters the grammar, which uses m_tok, but
    // parse_substitution() saves and restores m_tok around it.
    lex(m_tok);
    m_has_tok = true;
    return m_tok;
}

Token Parser::take() {
    peek();
    m_has_tok = false;
    return std::move(m_tok);
}

void Parser::skip_blanks() {
    const char* const text = m_text.data();
    const uint32_t end = m_end;
    uint32_t p = m_pos;
    while (p < end) {
        const char c = text[p];
        if (is_blank(c)) {
            p = blank_run_end(text, p, end);
        } else if (c == '\\' && p + 1 < end && text[p + 1] == '\n') {
            p += 2;
        } else if (c == '\\' && p + 2 < end && text[p + 1] == '\r' && text[p + 2] == '\n') {
            p += 3;
        } else if (c == '#') {
            const void* nl = std::memchr(text + p, '\n', end - p);
            p = nl == nullptr ? end : static_cast<uint32_t>(static_cast<const char*>(nl) - text);
        } else {
            break;
        }
    }
    m_pos = p;
}

uint32_t Parser::plain_word_or_lex() {
    const char* const text = m_text.data();
    const uint32_t p = blank_run_end(text, m_pos, m_end);
    m_pos = p;
    if (p < m_end && !m_dbracket) {
        const char c = text[p];
        // As in lex(): '#' starts a comment, a digit may be an fd number ("2>").
        if (!is_word_special(c) && c != '#' && !(c >= '0' && c <= '9')) {
            const uint32_t run = plain_run_end(text, p, m_end);
            if (run == m_end || (is_meta(text[run]) && text[run] != '(')) {
                return run;
            }
            // Quotes or expansions follow: the word goes on from the run (what lex_word() does).
            m_tok.text = {};
            read_word(m_tok, run);
            m_has_tok = true;
            return k_none;
        }
        if (c == '"' || c == '\'' || c == '$' || c == '`') {
            // A word starting with a quote or an expansion: read_word() from its first byte, as
            // lex() would after its tests.
            m_tok.text = {};
            read_word(m_tok, p);
            m_has_tok = true;
            return k_none;
        }
        if (c == ';' || c == '&' || c == '|') {
            // The operator that usually ends a command: lexed as lex() would, without going
            // through peek_slow() and lex()'s tests again.
            m_tok.begin = p;
            m_tok.plain = false;
            m_tok.lazy = false;
            m_tok.kw = Kw::none;
            lex_operator(m_tok);
            m_has_tok = true;
            return k_none;
        }
    }
    peek_slow();
    return k_none;
}

inline void Parser::lex_word(Token& t) {
    // Most words are one run of ordinary characters ended by a blank or an operator: their value
    // is their text, read later from the script (no copy here).
    const char* const text = m_text.data();
    const uint32_t begin = m_pos;
    const uint32_t run = plain_run_end(text, begin, m_end);
    if (run > begin && (run == m_end || (is_meta(text[run]) && text[run] != '('))) {
        t.kind = TokenKind::word;
        t.lazy = true;
        t.plain = true;
        t.begin = begin;
        t.end = run;
        t.text = std::string_view(text + begin, run - begin);
        t.kw = classify_word(t.text);
        m_pos = run;
        return;
    }
    t.text = {};
    read_word(t, run);
}

inline void Parser::lex(Token& t) {
    {
        // Plain blanks here; continuations and comments in skip_blanks().
        const char* const text = m_text.data();
        const uint32_t p = blank_run_end(text, m_pos, m_end);
        m_pos = p;
        if (p < m_end) {
            const char c = text[p];
            if (c == '\\' || c == '#') {
                skip_blanks();
            } else if (!is_word_special(c) && !(c >= '0' && c <= '9') && !m_dbracket) {
                lex_word(t);  // the common token, decided without the checks below
                return;
            } else if (c == ';' || c == '&' || c == '|') {
                // The list and pipeline operators (also operators inside [[ ]] for ';' only).
                if (c == ';' || !m_dbracket) {
                    t.begin = p;
                    t.plain = false;
                    t.lazy = false;
                    t.kw = Kw::none;
                    lex_operator(t);
                    return;
                }
            }
        }
    }
    t.begin = m_pos;
    t.end = m_pos;
    t.plain = false;
    t.lazy = false;
    t.kw = Kw::none;
    t.text = {};
    if (m_pos >= m_end) {
        t.kind = TokenKind::end;
        t.begin = t.end = m_end;
        return;
    }
    char c = m_text[m_pos];
    if (c == '\n') {
        t.kind = TokenKind::newline;
        t.end = ++m_pos;
        t.text = m_text.substr(t.begin, 1);
        read_heredoc_bodies();
        return;
    }
    if (m_dbracket) {
        if (c == ';') {
            lex_operator(t);
        } else {
            read_word(t, plain_run_end(m_text.data(), m_pos, m_end));
        }
        return;
    }
    if (c >= '0' && c <= '9') {
        // An fd number glued to a redirection operator: "2>", "2>&1".
        uint32_t j = m_pos;
        while (j < m_end && m_text[j] >= '0' && m_text[j] <= '9') {
            ++j;
        }
        if (j < m_end && (m_text[j] == '<' || m_text[j] == '>') && !(j + 1 < m_end && m_text[j + 1] == '(')) {
            m_pos = j;
            lex_operator(t);
            return;
        }
        lex_word(t);
        return;
    }
    bool process_substitution = (c == '<' || c == '>') && m_pos + 1 < m_end && m_text[m_pos + 1] == '(';
    if (is_meta(c) && !process_substitution) {
        lex_operator(t);
        return;
    }
    lex_word(t);
}

inline void Parser::lex_operator(Token& t) {
    t.kind = TokenKind::op;
    auto at = [&](uint32_t k) { return m_pos + k < m_end ? m_text[m_pos + k] : '\0'; };
    char c = at(0);
    uint32_t len = 1;
    switch (c) {
        case ';':
            if (at(1) == ';') {
                t.op = at(2) == '&' ? Op::dsemi_amp : Op::dsemi;
                len = at(2) == '&' ? 3 : 2;
            } else if (at(1) == '&') {
                t.op = Op::semi_amp;
                len = 2;
            } else {
                t.op = Op::semi;
            }
            break;
        case '&':
            if (at(1) == '&') {
                t.op = Op::and_if;
                len = 2;
            } else if (at(1) == '>') {
                t.op = Op::redirect;
                len = at(2) == '>' ? 3 : 2;
            } else {
                t.op = Op::amp;
            }
            break;
        case '|':
            if (at(1) == '|') {
                t.op = Op::or_if;
                len = 2;
            } else if (at(1) == '&') {
                t.op = Op::pipe_amp;
                len = 2;
            } else {
                t.op = Op::pipe;
            }
            break;
        case '(':
            t.op = Op::lparen;
            break;
        case ')':
            t.op = Op::rparen;
            break;
        case '<':
            t.op = Op::redirect;
            if (at(1) == '<') {
                if (at(2) == '<') {
                    len = 3;
                } else {
                    t.op = Op::heredoc;
                    len = at(2) == '-' ? 3 : 2;
                }
            } else if (at(1) == '>' || at(1) == '&') {
                len = 2;
            }
            break;
        case '>':
            t.op = Op::redirect;
            if (at(1) == '>' || at(1) == '&' || at(1) == '|') {
                len = 2;
            }
            break;
        default:
            t.op = Op::semi;  // unreachable: callers only pass operator characters
            break;
    }
    m_pos += len;
    t.end = m_pos;
    t.text = m_text.substr(t.begin, t.end - t.begin);
}

void Parser::lex_operator_at(Token& t) {
    t.begin = m_pos;
    t.plain = false;
    t.lazy = false;
    t.kw = Kw::none;
    lex_operator(t);
}

uint32_t Parser::arithmetic_end(uint32_t from) const {
    // $(( ... )) and (( ... )): arithmetic when the first unmatched ')' is followed by another.
    int depth = 0;
    for (uint32_t i = from; i < m_end; ++i) {
        char c = m_text[i];
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (depth == 0) {
                return i + 1 < m_end && m_text[i + 1] == ')' ? i + 2 : k_none;
            }
            --depth;
        }
    }
    return k_none;
}

uint32_t Parser::bracket_end(uint32_t from) const {
    const char open = m_text[from];
    const char close = open == '{' ? '}' : ']';
    int level = 0;
    for (uint32_t i = from; i < m_end; ++i) {
        const char c = m_text[i];
        if (c == '\\') {
            ++i;
        } else if (c == open) {
            ++level;
        } else if (c == close && --level == 0) {
            return i + 1;
        }
    }
    return m_end;
}

void Parser::read_heredoc_bodies() {
    for (const PendingHeredoc& pending : m_pending_heredocs) {
        sh::Heredoc& h = m_script.heredocs[static_cast<size_t>(pending.index)];
        h.begin = m_pos;
        h.end = m_end;
        bool found = false;
        while (m_pos < m_end) {
            const uint32_t line_start = m_pos;
            size_t nl = m_text.substr(0, m_end).find('\n', m_pos);
            const uint32_t line_end = nl == std::string_view::npos ? m_end : static_cast<uint32_t>(nl);
            m_pos = nl == std::string_view::npos ? m_end : line_end + 1;
            std::string_view line = m_text.substr(line_start, line_end - line_start);
            if (h.strip_tabs) {
                size_t tabs = line.find_first_not_of('\t');
                line = tabs == std::string_view::npos ? std::string_view{} : line.substr(tabs);
            }
            std::string_view cmp = line;
            if (!cmp.empty() && cmp.back() == '\r') {
                cmp.remove_suffix(1);
            }
            if (cmp == h.delimiter) {
                h.end = line_start;
                found = true;
                break;
            }
            h.body.append(line);
            if (nl != std::string_view::npos) {
                h.body += '\n';
            }
        }
        if (!found) {
            error(pending.op, "here-document not terminated (wanted '" + h.delimiter + "')");
        }
    }
    m_pending_heredocs.clear();
}

}  // namespace bulwark::input::shell::detail
