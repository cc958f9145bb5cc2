// Words: quotes, escapes and expansions, with $(...), backticks and <(...) parsed in place by the
// grammar. Word::value keeps expansions as written; dynamic marks anything the shell would change.
#include "bulwark/input/shell/parser_impl.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::shell::detail {

namespace {

// Characters ${...} handles one by one (the others are skipped).
constexpr std::array<bool, 256> k_parameter_special = char_table("}\\'\"$`");

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

void Parser::read_word(Token& t, uint32_t run) {
    t.kind = TokenKind::word;
    t.lazy = false;
    sh::Word& w = t.full;
    w.quoted = false;
    w.dynamic = false;
    const uint32_t begin = m_pos;
    w.begin = begin;
    const char* const text = m_text.data();
    // The run (ordinary characters from `begin`, found by the caller) is the first part of the
    // word; lex_word() took the words that are only a run.
    w.value.clear();
    w.value.append(text + begin, run - begin);
    m_pos = run;
    bool expansion = false;
    bool bracket_open = false;
    uint32_t brace_open = k_none;
    const size_t first_expansion = m_expansions.size();
    const bool saved_recording = m_recording;
    m_recording = true;
    while (m_pos < m_end) {
        char c = m_text[m_pos];
        if (m_pos == begin && !m_dbracket && (c == '<' || c == '>') && m_pos + 1 < m_end &&
            m_text[m_pos + 1] == '(') {
            uint32_t open = m_pos;
            m_pos += 2;
            parse_substitution(open, true);
            w.value.append(m_text.substr(open, m_pos - open));
            expansion = true;
            continue;
        }
        // Inside [[ ]] operators are words, but "]]" ends the word ("]])" closes a substitution).
        bool breaks = m_dbracket ? (is_blank(c) || c == '\n' || c == ';' ||
                                    (m_pos == begin + 2 && m_text.substr(begin, 2) == "]]"))
                                 : is_meta(c);
        if (breaks) {
            if (c == '(' && !m_dbracket && m_pos > begin && m_text[m_pos - 1] == '=' &&
                is_name_start(m_text[begin])) {
                // NAME=( ... ) array assignment (only when the word so far is NAME= or NAME+=).
                uint32_t j = begin;
                while (j < m_pos && is_name_char(m_text[j])) {
                    ++j;
                }
                if (j == m_pos - 1 || (j == m_pos - 2 && m_text[j] == '+')) {
                    read_array_body(w);
                    expansion = true;
                    continue;
                }
            }
            break;
        }
        switch (c) {
            case '\\':
                if (m_pos + 1 >= m_end) {
                    w.value += '\\';
                    ++m_pos;
                } else if (m_text[m_pos + 1] == '\n') {
                    m_pos += 2;
                } else if (m_text[m_pos + 1] == '\r' && m_pos + 2 < m_end && m_text[m_pos + 2] == '\n') {
                    m_pos += 3;
                } else {
                    w.value += m_text[m_pos + 1];
                    w.quoted = true;
                    m_pos += 2;
                }
                break;
            case '\'':
                read_single_quote(w);
                break;
            case '"':
                read_double_quote(w, expansion);
                break;
            case '$':
                read_dollar(w, false, expansion);
                break;
            case '`':
                read_backtick(w, false);
                expansion = true;
                break;
            case '*':
            case '?':
                w.dynamic = true;
                w.value += c;
                ++m_pos;
                break;
            case '[':
                bracket_open = true;
                w.value += c;
                ++m_pos;
                break;
            case ']':
                w.dynamic = w.dynamic || bracket_open;
                w.value += c;
                ++m_pos;
                break;
            case '~':
                w.dynamic = w.dynamic || m_pos == begin;
                w.value += c;
                ++m_pos;
                break;
            case '{':
                brace_open = m_pos;
                w.value += c;
                ++m_pos;
                break;
            case '}':
                if (brace_open != k_none) {
                    // Brace expansion: {a,b} or {1..3}.
                    std::string_view inner = m_text.substr(brace_open, m_pos - brace_open);
                    if (inner.find(',') != std::string_view::npos ||
                        inner.find("..") != std::string_view::npos) {
                        w.dynamic = true;
                    }
                    brace_open = k_none;
                }
                w.value += c;
                ++m_pos;
                break;
            default: {
                const uint32_t s = m_pos;
                uint32_t e = plain_run_end(text, s, m_end);
                if (e == s) {
                    ++e;  // an operator character inside [[ ]]
                }
                m_pos = e;
                w.value.append(text + s, e - s);
                break;
            }
        }
    }
    w.end = m_pos;
    w.dynamic = w.dynamic || expansion;
    // Only a quoted word needs them: any other word's value is its text as written.
    if (w.quoted && m_expansions.size() > first_expansion) {
        w.expansions.assign(std::span(m_expansions).subspan(first_expansion));
    } else {
        w.expansions.clear();  // `t` may hold an earlier word's
    }
    m_expansions.resize(first_expansion);
    m_recording = saved_recording;
    t.plain = !w.quoted && !expansion;
    t.kw = t.plain ? classify_word(w.value) : Kw::none;
    t.begin = begin;
    t.end = m_pos;
}

void Parser::read_single_quote(sh::Word& w) {
    const uint32_t open = m_pos;
    w.quoted = true;
    size_t close = m_text.substr(0, m_end).find('\'', open + 1);
    if (close == std::string_view::npos) {
        error(open, "unterminated single quote");
        w.value.append(m_text.substr(open + 1, m_end - open - 1));
        m_pos = m_end;
        return;
    }
    w.value.append(m_text.substr(open + 1, close - open - 1));
    m_pos = static_cast<uint32_t>(close + 1);
}

void Parser::read_double_quote(sh::Word& w, bool& expansion) {
    const uint32_t open = m_pos++;
    w.quoted = true;
    while (m_pos < m_end) {
        char c = m_text[m_pos];
        if (c == '"') {
            ++m_pos;
            return;
        }
        if (c == '\\') {
            char n = m_pos + 1 < m_end ? m_text[m_pos + 1] : '\0';
            if (n == '\n') {
                m_pos += 2;
            } else if (n == '$' || n == '`' || n == '"' || n == '\\') {
                w.value += n;
                m_pos += 2;
            } else {
                w.value += '\\';
                ++m_pos;
            }
            continue;
        }
        if (c == '$') {
            read_dollar(w, true, expansion);
            continue;
        }
        if (c == '`') {
            read_backtick(w, true);
            expansion = true;
            continue;
        }
        const uint32_t s = m_pos;
        m_pos = dquote_run_end(m_text.data(), m_pos, m_end);
        w.value.append(m_text.data() + s, m_pos - s);
    }
    error(open, "unterminated double quote");
}

void Parser::read_dollar(sh::Word& w, bool in_dquote, bool& expansion) {
    const uint32_t at = m_pos;
    char n = at + 1 < m_end ? m_text[at + 1] : '\0';
    const size_t from = w.value.size();
    auto append_raw = [&] {
        w.value.append(m_text.substr(at, m_pos - at));
        note_expansion(w, from);
    };
    if (n == '(') {
        if (at + 2 < m_end && m_text[at + 2] == '(') {
            uint32_t e = arithmetic_end(at + 3);
            if (e != k_none) {
                m_pos = e;
                append_raw();
                expansion = true;
                return;
            }
        }
        m_pos = at + 2;
        parse_substitution(at, true);
        append_raw();
        expansion = true;
        return;
    }
    if (n == '{') {
        m_pos = at + 2;
        read_parameter(w, in_dquote);
        note_expansion(w, from);
        expansion = true;
        return;
    }
    if (n == '\'' && !in_dquote) {
        m_pos = at + 1;
        read_ansi_c(w);
        return;
    }
    if (n == '"' && !in_dquote) {
        m_pos = at + 1;  // $"..." is a translated string: a double-quoted one here
        read_double_quote(w, expansion);
        return;
    }
    if (n == '[') {
        size_t close = m_text.substr(0, m_end).find(']', at + 2);
        m_pos = close == std::string_view::npos ? m_end : static_cast<uint32_t>(close + 1);
        append_raw();
        expansion = true;
        return;
    }
    if (is_name_start(n)) {
        m_pos = at + 2;
        while (m_pos < m_end && is_name_char(m_text[m_pos])) {
            ++m_pos;
        }
        append_raw();
        expansion = true;
        return;
    }
    if ((n >= '0' && n <= '9') || n == '@' || n == '*' || n == '#' || n == '?' || n == '-' || n == '$' ||
        n == '!') {
        m_pos = at + 2;
        append_raw();
        expansion = true;
        return;
    }
    w.value += '$';
    ++m_pos;
}

void Parser::read_parameter(sh::Word& w, bool in_dquote) {
    const uint32_t at = m_pos - 2;
    if (!enter(at)) {
        // Past the limit: kept as written, nothing in it is read.
        m_pos = bracket_end(at + 1);
        w.value.append(m_text.substr(at, m_pos - at));
        return;
    }
    sh::Word scratch;  // nested quotes and expansions are kept as written in `w`
    bool ignored = false;
    bool closed = false;
    const bool saved_recording = m_recording;
    m_recording = false;
    while (m_pos < m_end) {
        // NAME, operators and plain text of ${NAME:-word}
        while (m_pos < m_end && !k_parameter_special[static_cast<unsigned char>(m_text[m_pos])]) {
            ++m_pos;
        }
        if (m_pos >= m_end) {
            break;
        }
        char c = m_text[m_pos];
        if (c == '}') {
            ++m_pos;
            closed = true;
            break;
        }
        if (c == '\\') {
            m_pos = std::min(m_pos + 2, m_end);
        } else if (c == '\'' && !in_dquote) {
            read_single_quote(scratch);
        } else if (c == '"') {
            read_double_quote(scratch, ignored);
        } else if (c == '$') {
            read_dollar(scratch, in_dquote, ignored);
        } else if (c == '`') {
            read_backtick(scratch, in_dquote);
        } else {
            ++m_pos;
        }
        scratch.value.clear();
    }
    m_recording = saved_recording;
    if (!closed) {
        error(at, "unterminated ${...}");
    }
    w.value.append(m_text.substr(at, m_pos - at));
    leave();
}

void Parser::read_ansi_c(sh::Word& w) {
    const uint32_t open = m_pos - 1;
    ++m_pos;
    w.quoted = true;
    auto at = [&](uint32_t k) { return k < m_end ? m_text[k] : '\0'; };
    while (m_pos < m_end) {
        char c = m_text[m_pos];
        if (c == '\'') {
            ++m_pos;
            return;
        }
        if (c != '\\' || m_pos + 1 >= m_end) {
            w.value += c;
            ++m_pos;
            continue;
        }
        char e = m_text[m_pos + 1];
        m_pos += 2;
        switch (e) {
            case 'a':
                w.value += '\a';
                break;
            case 'b':
                w.value += '\b';
                break;
            case 'e':
            case 'E':
                w.value += '\x1b';
                break;
            case 'f':
                w.value += '\f';
                break;
            case 'n':
                w.value += '\n';
                break;
            case 'r':
                w.value += '\r';
                break;
            case 't':
                w.value += '\t';
                break;
            case 'v':
                w.value += '\v';
                break;
            case '\\':
            case '\'':
            case '"':
            case '?':
                w.value += e;
                break;
            case 'c':
                if (m_pos < m_end) {
                    w.value += static_cast<char>(m_text[m_pos] & 0x1f);
                    ++m_pos;
                }
                break;
            case 'x':
            case 'u':
            case 'U': {
                int max = e == 'x' ? 2 : (e == 'u' ? 4 : 8);
                uint32_t cp = 0;
                int digits = 0;
                while (digits < max && hex_value(at(m_pos)) >= 0) {
                    cp = cp * 16 + static_cast<uint32_t>(hex_value(at(m_pos)));
                    ++m_pos;
                    ++digits;
                }
                if (digits == 0) {
                    w.value += '\\';
                    w.value += e;
                } else if (e == 'x') {
                    w.value += static_cast<char>(cp);
                } else {
                    util::append_utf8(w.value, cp);
                }
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    uint32_t v = static_cast<uint32_t>(e - '0');
                    for (int k = 0; k < 2 && at(m_pos) >= '0' && at(m_pos) <= '7'; ++k) {
                        v = v * 8 + static_cast<uint32_t>(at(m_pos) - '0');
                        ++m_pos;
                    }
                    w.value += static_cast<char>(v & 0xff);
                } else {
                    w.value += '\\';
                    w.value += e;
                }
                break;
        }
    }
    error(open, "unterminated $'...'");
}

void Parser::read_backtick(sh::Word& w, bool in_dquote) {
    const uint32_t open = m_pos;
    uint32_t j = open + 1;
    bool escapes = false;
    while (j < m_end && m_text[j] != '`') {
        if (m_text[j] == '\\') {
            escapes = true;
            ++j;
        }
        ++j;
    }
    const bool closed = j < m_end;
    const uint32_t close = closed ? j : m_end;
    if (!closed) {
        error(open, "unterminated backtick");
    }
    if (!escapes) {
        // Parse in place: the same text, bounded at the closing backtick.
        const uint32_t saved_end = m_end;
        m_end = close;
        m_pos = open + 1;
        parse_substitution(open, false);
        m_end = saved_end;
    } else {
        std::string inner;
        inner.reserve(close - open);
        for (uint32_t k = open + 1; k < close; ++k) {
            char c = m_text[k];
            if (c == '\\' && k + 1 < close) {
                char n = m_text[k + 1];
                if (n == '$' || n == '`' || n == '\\' || (in_dquote && n == '"')) {
                    inner += n;
                    ++k;
                    continue;
                }
            }
            inner += c;
        }
        parse_escaped_backtick(open, closed ? close + 1 : close, std::move(inner));
    }
    m_pos = closed ? close + 1 : close;
    const size_t from = w.value.size();
    w.value.append(m_text.substr(open, m_pos - open));
    note_expansion(w, from);
}

void Parser::read_array_body(sh::Word& w) {
    const uint32_t open = m_pos++;
    sh::Word scratch;
    bool ignored = false;
    int depth = 1;
    const bool saved_recording = m_recording;
    m_recording = false;
    while (m_pos < m_end && depth > 0) {
        char c = m_text[m_pos];
        if (c == '(') {
            ++depth;
            ++m_pos;
        } else if (c == ')') {
            --depth;
            ++m_pos;
        } else if (c == '\\') {
            m_pos = std::min(m_pos + 2, m_end);
        } else if (c == '\'') {
            read_single_quote(scratch);
        } else if (c == '"') {
            read_double_quote(scratch, ignored);
        } else if (c == '$') {
            read_dollar(scratch, false, ignored);
        } else if (c == '`') {
            read_backtick(scratch, false);
        } else {
            ++m_pos;
        }
        scratch.value.clear();
    }
    m_recording = saved_recording;
    if (depth > 0) {
        error(open, "unterminated array assignment: missing ')'");
    }
    w.value.append(m_text.substr(open, m_pos - open));
}

}  // namespace bulwark::input::shell::detail
