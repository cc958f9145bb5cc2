#include "bulwark/model/expand.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#include "bulwark/model/byte_scan.hpp"
#include "bulwark/util/strings.hpp"
#include "bulwark/util/swar.hpp"

// Mirrors moby/buildkit frontend/dockerfile/shell/lex.go (ProcessWord), plus tracking of values
// that are unknown to a static scanner (ARGs with no default, automatic platform ARGs).

namespace bulwark::model {

namespace {

constexpr int k_eof = -1;

/// Expanded text and whether every variable it used had a known value.
/// Marks a text as not known and adds `name` to the names it depends on, once.
void add_unknown_name(bool& known, std::vector<std::string>& unknown, std::string_view name) {
    known = false;
    if (std::find(unknown.begin(), unknown.end(), name) == unknown.end()) {
        unknown.emplace_back(name);
    }
}

struct Part {
    std::string text;
    bool known = true;
    std::vector<std::string> unknown;

    void add_unknown(std::string_view name) { add_unknown_name(known, unknown, name); }
    void append(const Part& other) {
        text += other.text;
        if (!other.known) {
            known = false;
        }
        for (const std::string& n : other.unknown) {
            add_unknown(n);
        }
    }
};

bool is_digit(int c) {
    return c >= '0' && c <= '9';
}
bool is_name_char(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_special_param(int c) {
    switch (c) {
        case '@':
        case '*':
        case '#':
        case '?':
        case '-':
        case '$':
        case '!':
        case '0':
            return true;
        default:
            return false;
    }
}

/// Shortest (or longest) prefix of `value` matching shell pattern `pattern`, removed.
std::string trim_prefix(const std::string& pattern, const std::string& value, bool greedy) {
    size_t n = value.size();
    for (size_t k = 0; k <= n; ++k) {
        size_t len = greedy ? n - k : k;
        if (util::glob_match(pattern, std::string_view(value).substr(0, len))) {
            return value.substr(len);
        }
    }
    return value;
}

std::string trim_suffix(const std::string& pattern, const std::string& value, bool greedy) {
    size_t n = value.size();
    for (size_t k = 0; k <= n; ++k) {
        size_t len = greedy ? n - k : k;
        if (util::glob_match(pattern, std::string_view(value).substr(n - len))) {
            return value.substr(0, n - len);
        }
    }
    return value;
}

/// ${v/p/r} and ${v//p/r}: leftmost, longest match of the pattern.
std::string replace_pattern(const std::string& pattern, const std::string& replacement,
                            const std::string& value, bool all) {
    std::string out;
    size_t pos = 0;
    bool replaced = false;
    while (pos <= value.size()) {
        if (replaced && !all) {
            break;
        }
        bool found = false;
        for (size_t start = pos; start <= value.size() && !found; ++start) {
            for (size_t end = value.size() + 1; end-- > start;) {
                if (util::glob_match(pattern, std::string_view(value).substr(start, end - start))) {
                    out.append(value, pos, start - pos);
                    out += replacement;
                    if (end == start) {
                        // An empty match must still make progress.
                        if (start < value.size()) {
                            out += value[start];
                        }
                        pos = start + 1;
                    } else {
                        pos = end;
                    }
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            break;
        }
        replaced = true;
    }
    if (pos < value.size()) {
        out.append(value, pos, std::string::npos);
    }
    return out;
}

/// True when `text` has '$', a quote or `escape`: something expand() would change.
bool has_special(std::string_view text, char escape) {
    return contains_any_byte(text, std::array<char, 4>{'$', '\'', '"', escape});
}

class Expander {
  public:
    /// `track_names`: collect the names referred to (names()); expand() does not need them.
    Expander(std::string_view text, const VarScope& scope, char escape, bool track_names)
        : m_text(text),
          m_scope(scope),
          m_escape(static_cast<unsigned char>(escape)),
          m_track_names(track_names) {}

    Part run() { return process_stop_on(k_eof, false); }
    const std::string& error() const { return m_error; }
    const std::vector<std::string>& names() const { return m_names; }

  private:
    int peek() const { return m_pos < m_text.size() ? static_cast<unsigned char>(m_text[m_pos]) : k_eof; }
    int next() { return m_pos < m_text.size() ? static_cast<unsigned char>(m_text[m_pos++]) : k_eof; }
    bool failed() const { return !m_error.empty(); }
    void fail(std::string message) {
        if (m_error.empty()) {
            m_error = std::move(message);
        }
    }

    void remember(std::string_view name) {
        if (m_track_names && std::find(m_names.begin(), m_names.end(), name) == m_names.end()) {
            m_names.emplace_back(name);
        }
    }

    const Value* lookup(std::string_view name) {
        remember(name);
        auto it = m_scope.find(name);
        return it == m_scope.end() ? nullptr : &it->second;
    }

    // The pieces of a word are appended to the caller's Part as they are read (no Part per piece).

    /// Appends the value `v` of `name`: its text (unless `with_text` is false) and, when it is
    /// unknown, `name` and the names it was made of.
    static void append_value(Part& out, std::string_view name, const Value& v, bool with_text = true) {
        if (with_text) {
            out.text += v.text;
        }
        if (!v.known) {
            out.add_unknown(name);
            for (const std::string& n : v.unknown_vars) {
                out.add_unknown(n);
            }
        }
    }

    Part process_stop_on(int stop, bool raw_escapes) {
        Part result;
        bool saved = m_raw_escapes;
        m_raw_escapes = raw_escapes;
        bool stopped = false;
        while (!failed() && peek() != k_eof) {
            int ch = peek();
            if (stop != k_eof && ch == stop) {
                next();
                stopped = true;
                break;
            }
            if (ch == '$') {
                process_dollar(result);
            } else if (ch == '\'') {
                process_single_quote(result);
            } else if (ch == '"') {
                process_double_quote(result);
            } else if (ch != m_escape) {
                // A run of plain characters, copied at once.
                char stop_byte = stop != k_eof ? static_cast<char>(stop) : '$';
                size_t run = find_any_byte(
                    m_text, m_pos + 1,
                    std::array<char, 5>{'$', '\'', '"', static_cast<char>(m_escape), stop_byte});
                result.text.append(m_text.substr(m_pos, run - m_pos));
                m_pos = run;
            } else {
                next();
                if (ch == m_escape) {
                    if (m_raw_escapes) {
                        result.text += static_cast<char>(ch);
                    }
                    int escaped = next();
                    if (escaped == k_eof) {
                        break;
                    }
                    result.text += static_cast<char>(escaped);
                } else {
                    result.text += static_cast<char>(ch);
                }
            }
        }
        m_raw_escapes = saved;
        if (stop != k_eof && !stopped) {
            if (stop == '}') {
                fail("syntax error: missing '}'");
            } else if (stop == '/') {
                fail("syntax error: missing '/' in ${}");
            } else {
                fail(std::string("unexpected end of statement while looking for matching ") +
                     static_cast<char>(stop));
            }
        }
        return result;
    }

    void process_single_quote(Part& result) {
        next();
        size_t close = m_text.find('\'', m_pos);
        if (close == std::string_view::npos) {
            result.text.append(m_text.substr(m_pos));
            m_pos = m_text.size();
            fail("unexpected end of statement while looking for matching single-quote");
            return;
        }
        result.text.append(m_text.substr(m_pos, close - m_pos));
        m_pos = close + 1;
    }

    void process_double_quote(Part& result) {
        next();
        while (!failed()) {
            int ch = peek();
            if (ch == k_eof) {
                fail("unexpected end of statement while looking for matching double-quote");
                break;
            }
            if (ch == '"') {
                next();
                break;
            }
            if (ch == '$') {
                process_dollar(result);
                continue;
            }
            if (ch != m_escape) {
                // A run of characters with no quote, '$' or escape: copied at once.
                size_t run = find_any_byte(m_text, m_pos + 1,
                                           std::array<char, 3>{'"', '$', static_cast<char>(m_escape)});
                result.text.append(m_text.substr(m_pos, run - m_pos));
                m_pos = run;
                continue;
            }
            ch = next();
            if (ch == m_escape) {
                int p = peek();
                if (p == k_eof) {
                    continue;
                }
                if (p == '"' || p == '$' || p == m_escape) {
                    ch = next();
                }
            }
            result.text += static_cast<char>(ch);
        }
    }

    /// The name at the current position (a view into the text being expanded).
    std::string_view process_name() {
        size_t begin = m_pos;
        if (is_digit(peek())) {
            while (is_digit(peek())) {
                next();
            }
        } else if (is_special_param(peek())) {
            next();
        } else {
            while (is_name_char(peek())) {
                next();
            }
        }
        return m_text.substr(begin, m_pos - begin);
    }

    void plain(Part& out, std::string_view name) {
        if (const Value* v = lookup(name)) {
            append_value(out, name, *v);
        }
    }

    /// $name or ${...}, appended to `out` (nothing on a syntax error).
    void process_dollar(Part& out) {
        next();
        if (peek() != '{') {
            std::string_view name = process_name();
            if (name.empty()) {
                out.text += '$';
                return;
            }
            plain(out, name);
            return;
        }
        next();
        int first = peek();
        if (first == k_eof) {
            fail("syntax error: missing '}'");
            return;
        }
        if (first == '{' || first == '}' || first == ':') {
            fail("syntax error: bad substitution");
            return;
        }
        std::string_view name = process_name();
        remember(name);
        int ch = next();
        if (ch == k_eof) {
            fail("syntax error: missing '}'");
            return;
        }
        if (ch == '}') {
            plain(out, name);
            return;
        }
        if (ch == '/') {
            process_replace(out, name);
            return;
        }
        bool null_is_unset = false;
        std::string modifier(1, static_cast<char>(ch));
        if (ch == ':') {
            null_is_unset = true;
            ch = next();
            if (ch != k_eof) {
                modifier += static_cast<char>(ch);
            }
        }
        if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%') {
            fail("unsupported modifier (" + modifier + ") in substitution");
            return;
        }
        Part word = process_stop_on('}', ch == '#' || ch == '%');
        if (failed()) {
            return;
        }
        const Value* v = lookup(name);
        switch (ch) {
            case '-':
                if (v == nullptr || (v->known && null_is_unset && v->text.empty())) {
                    out.append(word);
                } else {
                    // An unknown value may be empty: with ':-' its text is not known to be used.
                    append_value(out, name, *v, v->known || !null_is_unset);
                }
                return;
            case '+':
                if (v == nullptr || (v->known && null_is_unset && v->text.empty())) {
                    return;
                }
                if (!v->known && null_is_unset) {
                    append_value(out, name, *v, false);
                } else {
                    out.append(word);
                }
                return;
            case '?':
                if (v == nullptr) {
                    fail(std::string(name) + ": " +
                         (word.text.empty() ? "is not allowed to be unset" : word.text));
                    return;
                }
                if (v->known && null_is_unset && v->text.empty()) {
                    fail(std::string(name) + ": " +
                         (word.text.empty() ? "is not allowed to be empty" : word.text));
                    return;
                }
                append_value(out, name, *v);
                return;
            default: {
                // '#' and '%': remove a prefix / suffix; doubled means the longest match.
                if (v == nullptr) {
                    return;
                }
                if (!v->known) {
                    append_value(out, name, *v, false);
                    return;
                }
                bool greedy = !word.text.empty() && static_cast<unsigned char>(word.text[0]) == ch;
                std::string pattern = greedy ? word.text.substr(1) : word.text;
                out.text +=
                    ch == '%' ? trim_suffix(pattern, v->text, greedy) : trim_prefix(pattern, v->text, greedy);
                return;
            }
        }
    }

    /// ${name/p/r} and ${name//p/r}, appended to `out`.
    void process_replace(Part& out, std::string_view name) {
        bool all = peek() == '/';
        if (all) {
            next();
        }
        Part pattern = process_stop_on('/', true);
        if (failed()) {
            return;
        }
        Part replacement = process_stop_on('}', true);
        if (failed()) {
            return;
        }
        const Value* v = lookup(name);
        if (v == nullptr) {
            return;
        }
        if (!v->known) {
            append_value(out, name, *v, false);
            return;
        }
        out.text += replace_pattern(pattern.text, replacement.text, v->text, all);
    }

    std::string_view m_text;
    const VarScope& m_scope;
    int m_escape;
    size_t m_pos = 0;
    bool m_raw_escapes = false;
    bool m_track_names = false;
    std::string m_error;
    std::vector<std::string> m_names;
};

/// expand() of a text whose only special bytes are `$name` and `${name}` references (names that
/// start with a letter or '_'), the usual ENV and FROM values: the same result without the
/// Expander's general machinery. False, with `out` unspecified, for anything else (quotes, the
/// escape character, modifiers, special parameters, a lone '$'), which the Expander then handles.
bool expand_simple(std::string_view text, const VarScope& scope, char escape, Value& out) {
    if (contains_any_byte(text, std::array<char, 3>{'\'', '"', escape})) {
        return false;
    }
    size_t pos = 0;
    const size_t n = text.size();
    while (pos < n) {
        size_t dollar = text.find('$', pos);
        if (dollar == std::string_view::npos) {
            out.text.append(text.substr(pos));
            break;
        }
        out.text.append(text.substr(pos, dollar - pos));
        size_t name_begin = dollar + 1;
        bool braced = name_begin < n && text[name_begin] == '{';
        name_begin += braced ? 1 : 0;
        if (name_begin >= n || !is_name_char(static_cast<unsigned char>(text[name_begin])) ||
            is_digit(static_cast<unsigned char>(text[name_begin]))) {
            return false;
        }
        size_t name_end = name_begin + 1;
        while (name_end < n && is_name_char(static_cast<unsigned char>(text[name_end]))) {
            ++name_end;
        }
        if (braced && (name_end >= n || text[name_end] != '}')) {
            return false;
        }
        std::string_view name = text.substr(name_begin, name_end - name_begin);
        if (auto it = scope.find(name); it != scope.end()) {
            const Value& v = it->second;
            out.text += v.text;
            if (!v.known) {
                // As Expander::append_value: the name, then the names its value was made of.
                add_unknown_name(out.known, out.unknown_vars, name);
                for (const std::string& u : v.unknown_vars) {
                    add_unknown_name(out.known, out.unknown_vars, u);
                }
            }
        }
        pos = braced ? name_end + 1 : name_end;
    }
    return true;
}

}  // namespace

Value expand(std::string_view text, const VarScope& scope, char escape) {
    Value out;  // every path returns `out` (no move of the result)
    if (!has_special(text, escape)) {
        out.text.assign(text);  // nothing to expand or unquote: the text as written
        return out;
    }
    if (expand_simple(text, scope, escape, out)) {
        return out;
    }
    out.text.clear();  // what expand_simple() had appended before it gave up
    out.known = true;
    out.unknown_vars.clear();
    Expander ex(text, scope, escape, false);
    Part p = ex.run();
    if (!ex.error().empty()) {
        out.text = std::string(text);
        out.known = false;
        out.unknown_vars = std::move(p.unknown);
        out.error = ex.error();
        return out;
    }
    out.text = std::move(p.text);
    out.known = p.known;
    out.unknown_vars = std::move(p.unknown);
    return out;
}

bool refers_to_variables(std::string_view text, char escape) {
    if (text.find('$') == std::string_view::npos) {
        return false;
    }
    return !referenced_variables(text, escape).empty();
}

std::vector<std::string> referenced_variables(std::string_view text, char escape) {
    if (text.find('$') == std::string_view::npos) {
        return {};
    }
    static const VarScope k_empty;
    Expander ex(text, k_empty, escape, true);
    ex.run();
    return ex.names();
}

}  // namespace bulwark::model
