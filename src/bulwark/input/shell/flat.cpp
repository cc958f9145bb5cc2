// Past the nesting limit: the rest of a construct read without recursion, as simple commands.
// The limit keeps the recursive parser's stack bounded; what lies deeper is still read, so no
// command hides from the rules behind 65 levels of `(`, `$(` or `if`. Words are split as the
// lexer splits them (quotes, escapes, expansions as written); $(...), backticks, ( ), { } and the
// compound keywords only open and close frames on an explicit stack, so the structure is
// approximated: every command is in a branch, in a scope nested in the construct's, at one depth.
#include <cstring>
#include <utility>
#include <vector>

#include "bulwark/input/shell/parser_impl.hpp"

namespace bulwark::input::shell::detail {

namespace {

enum class FrameKind : uint8_t { substitution, backtick, subshell, group, if_, loop, case_ };

/// Words a frame skips before its body: a for/select header (the variable, then the words up
/// to `do` or a separator) or a case header (up to `in`) and its patterns (up to `)`).
enum class Header : uint8_t { none, loop_variable, loop_words, case_word, case_pattern };

/// A command being read.
struct Partial {
    sh::Command cmd;
    sh::Word word;
    bool in_word = false;
    bool dquote = false;           // the word goes on inside double quotes
    bool dbracket = false;         // inside [[ ]]: operators are word characters
    bool started = false;          // cmd.begin is set
    bool function_name = false;    // after `function`: the next word names it
    int redirect = -1;             // index in cmd.redirects whose target the next word is
    uint32_t heredoc_op = k_none;  // offset of the `<<` of that redirect
    int join = -1;                 // the pipeline the command joins (after '|')
    uint32_t first = 0;            // the first command read after it began (its substitutions' are next)
};

/// A reserved word that opens or closes a frame at the start of a command.
struct KeywordFrame {
    Kw kw;
    bool opens;
    FrameKind kind;
    Header header;
};

constexpr KeywordFrame k_keyword_frames[] = {
    {Kw::if_, true, FrameKind::if_, Header::none},
    {Kw::while_, true, FrameKind::loop, Header::none},
    {Kw::until, true, FrameKind::loop, Header::none},
    {Kw::for_, true, FrameKind::loop, Header::loop_variable},
    {Kw::select, true, FrameKind::loop, Header::loop_variable},
    {Kw::case_, true, FrameKind::case_, Header::case_word},
    {Kw::lbrace, true, FrameKind::group, Header::none},
    {Kw::fi, false, FrameKind::if_, Header::none},
    {Kw::done, false, FrameKind::loop, Header::none},
    {Kw::esac, false, FrameKind::case_, Header::none},
    {Kw::rbrace, false, FrameKind::group, Header::none},
};

struct Frame {
    FrameKind kind = FrameKind::subshell;
    Header header = Header::none;
    uint32_t open = 0;  // substitution: offset of `$(`, `<(` or the backtick
    int scope = 0;      // the scope to restore when it closes
    Partial outer;      // substitution: the command whose word holds it
};

}  // namespace

void Parser::parse_flat(FlatUntil until, int depth) {
    std::vector<Frame> frames;
    // Commands in the order they end, each after the commands of its substitutions; `starts[i]` is
    // where the block of command i and those commands begins. Written in source order at the end
    // (the commands of a substitution after the command that holds it) without moving a block
    // once per level it is nested in.
    std::vector<sh::Command> ended;
    std::vector<uint32_t> starts;
    int substitutions = 0;  // open substitution frames
    Partial p;
    bool root_open = until == FlatUntil::paren;
    bool done = false;
    const int saved_scope = m_scope;
    m_scope = new_scope(true, false);
    if (root_open) {
        frames.push_back({FrameKind::subshell, Header::none, m_pos, m_scope, {}});
    }

    auto start_word = [&] {
        if (!p.in_word) {
            p.in_word = true;
            p.word = sh::Word{};
            p.word.begin = m_pos;
        }
        if (!p.started) {
            p.started = true;
            p.cmd.begin = m_pos;
        }
    };
    auto closes_root = [&] {
        if (root_open && frames.empty()) {
            done = true;
        }
    };
    auto pop_if = [&](FrameKind kind) {
        if (!frames.empty() && frames.back().kind == kind) {
            m_scope = frames.back().scope;
            frames.pop_back();
            closes_root();
        }
    };
    auto push = [&](FrameKind kind, Header header) {
        frames.push_back({kind, header, m_pos, m_scope, {}});
        root_open = root_open || until == FlatUntil::construct;
    };
    // The word just read: a redirection's target, a header word, a reserved word or argv.
    auto end_word = [&] {
        if (!p.in_word) {
            return;
        }
        p.in_word = false;
        sh::Word w = std::move(p.word);
        w.end = m_pos;
        p.cmd.end = m_pos;
        if (p.redirect >= 0) {
            sh::Redirect& r = p.cmd.redirects[static_cast<size_t>(p.redirect)];
            r.target = std::move(w);
            if (p.heredoc_op != k_none) {
                add_heredoc(r, p.heredoc_op);
            }
            p.redirect = -1;
            p.heredoc_op = k_none;
            return;
        }
        const bool plain = !w.quoted && !w.dynamic;
        Header* header = frames.empty() ? nullptr : &frames.back().header;
        if (header != nullptr && *header != Header::none) {
            if (*header == Header::loop_variable) {
                if (plain && !w.value.empty() && is_name_start(w.value[0])) {
                    m_script.loop_variables.push_back({w.value, w.begin});
                }
                *header = Header::loop_words;
            } else if (plain && ((*header == Header::loop_words && w.value == "do") ||
                                 (*header == Header::case_word && w.value == "in"))) {
                *header = *header == Header::case_word ? Header::case_pattern : Header::none;
            } else if (plain && *header == Header::case_pattern && w.value == "esac") {
                pop_if(FrameKind::case_);
            }
            return;  // the loop's words, the case word and patterns are no commands
        }
        if (p.function_name) {
            p.function_name = false;
            return;
        }
        const bool first = p.cmd.argv.empty() && p.cmd.assignments.empty() && p.cmd.redirects.empty();
        if (first && plain && !p.dbracket) {
            const Kw kw = classify_word(w.value);
            for (const KeywordFrame& k : k_keyword_frames) {
                if (k.kw == kw) {
                    if (k.opens) {
                        push(k.kind, k.header);
                    } else {
                        pop_if(k.kind);
                    }
                    return;
                }
            }
            if (kw == Kw::then || kw == Kw::elif || kw == Kw::else_ || kw == Kw::do_ || kw == Kw::bang ||
                kw == Kw::in) {
                return;
            }
            if (kw == Kw::function) {
                p.function_name = true;
                return;
            }
            p.dbracket = kw == Kw::dbracket;
        }
        if (p.dbracket && plain && w.value == "]]") {
            p.dbracket = false;
        }
        if (p.cmd.argv.empty() && !w.quoted && is_assignment(m_text.substr(w.begin, m_pos - w.begin))) {
            p.cmd.assignments.push_back(std::move(w));
        } else {
            p.cmd.argv.push_back(std::move(w));
        }
    };
    auto fresh = [&] {
        p = Partial{};
        p.first = static_cast<uint32_t>(ended.size());
    };
    // Ends the command being read; `next` joins it to the one after.
    auto finish = [&](sh::Connector next) {
        end_word();
        const bool empty = p.cmd.argv.empty() && p.cmd.assignments.empty() && p.cmd.redirects.empty();
        int join = -1;
        if (!empty) {
            sh::Command& c = p.cmd;
            c.next = next;
            c.depth = depth;
            c.in_substitution = m_in_subst || substitutions > 0;
            c.in_function = m_in_function;
            c.in_branch = true;  // which paths reach it is not known
            c.scope = m_scope;
            c.pipeline = p.join >= 0 ? p.join : m_next_pipeline++;
            join = next == sh::Connector::pipe ? c.pipeline : -1;
            ended.push_back(std::move(c));
            starts.push_back(p.first);
        }
        fresh();
        p.join = join;
    };
    auto open_substitution = [&](FrameKind kind, uint32_t skip) {
        start_word();
        Frame f{kind, Header::none, m_pos, m_scope, std::move(p)};
        frames.push_back(std::move(f));
        ++substitutions;
        fresh();
        m_scope = new_scope(true, false);
        m_pos += skip;
    };
    // The substitution on top of the stack ends at m_pos (past its closer): the command that holds
    // it goes on, its word with the substitution's opener, `...` and its closer (the text as
    // written would make a nest of N substitutions cost N^2/2 bytes of words).
    auto close_substitution = [&] {
        finish(sh::Connector::none);
        Frame f = std::move(frames.back());
        frames.pop_back();
        --substitutions;
        m_scope = f.scope;
        p = std::move(f.outer);
        if (f.kind == FrameKind::backtick) {
            p.word.value += "`...`";
        } else {
            p.word.value.append(m_text.substr(f.open, 2)).append("...)");
        }
        p.word.dynamic = true;
    };
    auto top_is = [&](FrameKind kind) { return !frames.empty() && frames.back().kind == kind; };
    auto in_header = [&] { return !frames.empty() && frames.back().header != Header::none; };
    // `$` in a word: a substitution opens a frame; other expansions are kept as written.
    auto dollar = [&] {
        const uint32_t at = m_pos;
        const char n = at + 1 < m_end ? m_text[at + 1] : '\0';
        start_word();
        if (n == '(') {
            open_substitution(FrameKind::substitution, 2);
            return;
        }
        if (n == '\'' && !p.dquote) {
            m_pos = at + 1;
            read_ansi_c(p.word);
            return;
        }
        if (n == '"' && !p.dquote) {
            m_pos = at + 1;  // $"...": the double quote is read next
            return;
        }
        uint32_t e = at + 1;
        if (n == '{' || n == '[') {
            e = bracket_end(at + 1);  // ${...}, $[...]: kept as written, nothing run inside
        } else if (is_name_start(n)) {
            while (e < m_end && is_name_char(m_text[e])) {
                ++e;
            }
        } else if ((n >= '0' && n <= '9') || (n != '\0' && std::strchr("@*#?-$!", n) != nullptr)) {
            e = at + 2;
        }
        if (e == at + 1) {
            p.word.value += '$';
            m_pos = e;
            return;
        }
        p.word.value.append(m_text.substr(at, e - at));
        p.word.dynamic = true;
        m_pos = e;
    };
    auto backtick = [&] {
        if (top_is(FrameKind::backtick)) {
            ++m_pos;
            close_substitution();
        } else {
            open_substitution(FrameKind::backtick, 1);
        }
    };

    while (m_pos < m_end && !done) {
        const char c = m_text[m_pos];
        if (p.dquote) {
            if (c == '"') {
                p.dquote = false;
                ++m_pos;
            } else if (c == '\\') {
                const char n = m_pos + 1 < m_end ? m_text[m_pos + 1] : '\0';
                if (n == '$' || n == '`' || n == '"' || n == '\\') {
                    p.word.value += n;
                    m_pos += 2;
                } else if (n == '\n') {
                    m_pos += 2;
                } else {
                    p.word.value += '\\';
                    ++m_pos;
                }
            } else if (c == '$') {
                dollar();
            } else if (c == '`') {
                backtick();
            } else {
                const uint32_t s = m_pos;
                m_pos = std::max(dquote_run_end(m_text.data(), m_pos, m_end), m_pos + 1);
                p.word.value.append(m_text.substr(s, m_pos - s));
            }
            continue;
        }
        const bool blank_or_newline = is_blank(c) || c == '\n';
        if (p.dbracket && !blank_or_newline && c != ';' && is_meta(c)) {
            start_word();  // [[ a && b ]]: one command
            p.word.value += c;
            ++m_pos;
            continue;
        }
        // An fd number glued to a redirection ("2>") is part of its operator.
        const bool fd = (c == '<' || c == '>') && p.in_word && !p.word.quoted && !p.word.dynamic &&
                        !p.word.value.empty() &&
                        p.word.value.find_first_not_of("0123456789") == std::string::npos;
        if (p.in_word && is_meta(c) && !fd) {
            // A word that closes the construct (`fi`) ends the reading before its delimiter, which
            // the caller reads.
            end_word();
            if (done) {
                break;
            }
        }
        if (is_blank(c)) {
            m_pos = blank_run_end(m_text.data(), m_pos, m_end);
            continue;
        }
        switch (c) {
            case '\\':
                if (m_pos + 1 < m_end && m_text[m_pos + 1] == '\n') {
                    m_pos += 2;
                } else if (m_pos + 2 < m_end && m_text[m_pos + 1] == '\r' && m_text[m_pos + 2] == '\n') {
                    m_pos += 3;
                } else {
                    start_word();
                    p.word.quoted = true;
                    if (m_pos + 1 < m_end) {
                        p.word.value += m_text[m_pos + 1];
                    }
                    m_pos = std::min(m_pos + 2, m_end);
                }
                break;
            case '#':
                if (p.in_word) {
                    p.word.value += c;
                    ++m_pos;
                } else {
                    const void* nl = std::memchr(m_text.data() + m_pos, '\n', m_end - m_pos);
                    m_pos = nl == nullptr
                                ? m_end
                                : static_cast<uint32_t>(static_cast<const char*>(nl) - m_text.data());
                }
                break;
            case '\n':
                if (!frames.empty() && frames.back().header == Header::loop_words) {
                    frames.back().header = Header::none;
                }
                finish(sh::Connector::seq);
                ++m_pos;
                if (!m_pending_heredocs.empty()) {
                    read_heredoc_bodies();
                }
                break;
            case '\'':
                start_word();
                read_single_quote(p.word);
                break;
            case '"':
                start_word();
                p.word.quoted = true;
                p.dquote = true;
                ++m_pos;
                break;
            case '$':
                dollar();
                break;
            case '`':
                backtick();
                break;
            case '(':
                if (p.cmd.argv.size() == 1) {
                    // `name()` defines a function: its name is no command.
                    const uint32_t after = blank_run_end(m_text.data(), m_pos + 1, m_end);
                    if (after < m_end && m_text[after] == ')') {
                        const int join = p.join;
                        fresh();
                        p.join = join;
                        m_pos = after + 1;
                        break;
                    }
                }
                if (in_header()) {
                    ++m_pos;  // `case x in (a) ...`
                    break;
                }
                finish(sh::Connector::none);
                push(FrameKind::subshell, Header::none);
                m_scope = new_scope(true, false);
                ++m_pos;
                break;
            case ')':
                if (!frames.empty() && frames.back().header == Header::case_pattern) {
                    frames.back().header = Header::none;
                    ++m_pos;
                } else if (top_is(FrameKind::substitution)) {
                    ++m_pos;
                    close_substitution();
                } else {
                    finish(sh::Connector::none);
                    ++m_pos;
                    pop_if(FrameKind::subshell);
                }
                break;
            case '<':
            case '>':
                if (!p.in_word && m_pos + 1 < m_end && m_text[m_pos + 1] == '(') {
                    open_substitution(FrameKind::substitution, 2);  // <(...), >(...)
                    break;
                }
                [[fallthrough]];
            case ';':
            case '&':
            case '|': {
                const uint32_t fd_begin = p.word.begin;
                p.in_word = false;  // (only an fd number is left unread)
                Token t;
                lex_operator_at(t);
                if (t.op == Op::redirect || t.op == Op::heredoc) {
                    if (!p.started) {
                        p.started = true;
                        p.cmd.begin = t.begin;
                    }
                    sh::Redirect r;
                    r.op = std::string(
                        m_text.substr(fd ? fd_begin : t.begin, t.end - (fd ? fd_begin : t.begin)));
                    r.target.begin = r.target.end = t.end;
                    p.cmd.redirects.push_back(std::move(r));
                    p.redirect = static_cast<int>(p.cmd.redirects.size() - 1);
                    p.heredoc_op = t.op == Op::heredoc ? t.begin : k_none;
                    p.cmd.end = t.end;
                    break;
                }
                if (in_header() && (t.op == Op::pipe || frames.back().header == Header::case_pattern)) {
                    break;  // `a|b)` patterns
                }
                if (!frames.empty() && frames.back().header == Header::loop_words) {
                    frames.back().header = Header::none;
                }
                const sh::Connector next = t.op == Op::and_if                         ? sh::Connector::and_if
                                           : t.op == Op::or_if                        ? sh::Connector::or_if
                                           : t.op == Op::pipe || t.op == Op::pipe_amp ? sh::Connector::pipe
                                           : t.op == Op::amp ? sh::Connector::background
                                                             : sh::Connector::seq;
                finish(next);
                if (t.op == Op::dsemi || t.op == Op::semi_amp || t.op == Op::dsemi_amp) {
                    if (top_is(FrameKind::case_)) {
                        frames.back().header = Header::case_pattern;  // the next arm's patterns
                    }
                }
                break;
            }
            case '*':
            case '?':
                start_word();
                p.word.dynamic = true;
                p.word.value += c;
                ++m_pos;
                break;
            default: {
                start_word();
                const uint32_t s = m_pos;
                m_pos = std::max(plain_run_end(m_text.data(), m_pos, m_end), m_pos + 1);
                p.word.value.append(m_text.substr(s, m_pos - s));
                break;
            }
        }
    }
    // Whatever the text left open ends with it.
    while (!done && !frames.empty()) {
        if (top_is(FrameKind::substitution) || top_is(FrameKind::backtick)) {
            close_substitution();
        } else {
            finish(sh::Connector::none);
            m_scope = frames.back().scope;
            frames.pop_back();
        }
    }
    finish(sh::Connector::none);
    m_scope = saved_scope;
    write_flat(ended, starts);
}

void Parser::write_flat(std::vector<sh::Command>& ended, const std::vector<uint32_t>& starts) {
    // A block [a, b] of `ended` is a list of commands each after its substitutions' block: its
    // last command b is the last of that list, the one before it ends at starts[b] - 1. Each is
    // written, its nested `sh -c` script merged after it, then its substitutions' block.
    struct Item {
        bool block = false;
        uint32_t a = 0;   // a block's first command, or the command to write
        uint32_t b = 0;   // a block's last command + 1
        int parent = -1;  // index in *m_sink of the command that holds them
    };
    std::vector<Item> todo;
    if (!ended.empty()) {
        todo.push_back({true, 0, static_cast<uint32_t>(ended.size()), -1});
    }
    while (!todo.empty()) {
        const Item it = todo.back();
        todo.pop_back();
        if (it.block) {
            for (uint32_t last = it.b; last > it.a; last = starts[last - 1]) {
                todo.push_back({false, last - 1, 0, it.parent});  // the first command ends on top
            }
            continue;
        }
        const int k = static_cast<int>(m_sink->size());
        sh::Command& c = ended[it.a];
        c.parent = it.parent >= 0 ? it.parent - k : 0;
        m_sink->push_back(std::move(c));
        if (may_run_script(m_sink->back())) {
            expand_nested(static_cast<size_t>(k));
        }
        if (starts[it.a] < it.a) {
            todo.push_back({true, starts[it.a], it.a, k});
        }
    }
}

}  // namespace bulwark::input::shell::detail
