// Lists, pipelines and simple commands. Every loop consumes a token or stops at a token its
// caller handles, so parsing stays linear; nesting is capped by enter().
#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <utility>

#include "bulwark/input/shell/parser_impl.hpp"

namespace bulwark::input::shell::detail {

// ---- helpers ----

void Parser::error(uint32_t offset, std::string message, bool stops_parse) {
    m_script.errors.push_back({offset, std::move(message), stops_parse});
}

std::string Parser::describe(const Token& t) const {
    switch (t.kind) {
        case TokenKind::end:
            return "end of script";
        case TokenKind::newline:
            return "newline";
        case TokenKind::op:
            return "'" + std::string(t.text) + "'";
        case TokenKind::word:
            break;
    }
    std::string_view v = word_value(t);
    return "'" + std::string(v.substr(0, 32)) + (v.size() > 32 ? "...'" : "'");
}

bool Parser::enter(uint32_t offset) {
    if (m_nesting >= k_max_nesting) {
        if (!m_limit_noted) {
            m_limit_noted = true;
            m_script.errors.push_back(
                {offset, "nesting too deep (more than 64 levels); the structure past it is approximated",
                 false, true});
        }
        return false;
    }
    ++m_nesting;
    return true;
}

void Parser::leave() {
    --m_nesting;
}

int Parser::new_pipeline() {
    if (m_join_pipeline >= 0) {
        int id = m_join_pipeline;
        m_join_pipeline = -1;
        return id;
    }
    return m_next_pipeline++;
}

int Parser::new_scope(bool inherits, bool pipefail) {
    m_script.scopes.push_back({m_scope, inherits, pipefail});
    return static_cast<int>(m_script.scopes.size() - 1);
}

void Parser::into_subshell(size_t first_command, size_t first_scope, size_t first_function) {
    // Known only once the '|' or '&' after the commands is seen: move them, and the scopes opened
    // and functions defined among them, from the current scope to a new one.
    const int sub = new_scope(true, false);
    for (size_t i = first_command; i < m_sink->size(); ++i) {
        if ((*m_sink)[i].scope == m_scope) {
            (*m_sink)[i].scope = sub;
        }
    }
    for (size_t i = first_scope; i + 1 < m_script.scopes.size(); ++i) {
        if (m_script.scopes[i].parent == m_scope) {
            m_script.scopes[i].parent = sub;
        }
    }
    for (size_t i = first_function; i < m_script.functions.size(); ++i) {
        if (m_script.functions[i].scope == m_scope) {
            m_script.functions[i].scope = sub;
        }
    }
}

void Parser::skip_newlines() {
    while (peek().kind == TokenKind::newline) {
        drop();
    }
}

bool Parser::at_keyword(std::string_view kw) {
    return is_word(peek(), kw);
}

bool Parser::expect_keyword(std::string_view kw, uint32_t opened_at, std::string_view opener) {
    if (at_keyword(kw)) {
        drop();
        return true;
    }
    if (opener.empty()) {
        error(peek().begin, "expected '" + std::string(kw) + "' but found " + describe(peek()));
    } else {
        error(opened_at, "missing '" + std::string(kw) + "' to close this '" + std::string(opener) + "'");
    }
    return false;
}

bool Parser::is_list_end(const Token& t) const {
    switch (t.kind) {
        case TokenKind::end:
            return true;
        case TokenKind::newline:
            return false;
        case TokenKind::op:
            return t.op == Op::rparen || t.op == Op::dsemi || t.op == Op::semi_amp || t.op == Op::dsemi_amp;
        case TokenKind::word:
            break;
    }
    return is_list_end_kw(t.kw);
}

int Parser::last_top_command(size_t from) const {
    // The last command of the construct itself: not from a substitution or nested script (parent
    // still 0 while parsing), at the shallowest depth.
    int best = -1;
    int best_depth = INT_MAX;
    for (size_t i = m_sink->size(); i > from; --i) {
        const sh::Command& c = (*m_sink)[i - 1];
        if (c.parent == 0 && c.depth < best_depth) {
            best_depth = c.depth;
            best = static_cast<int>(i - 1);
        }
    }
    return best;
}

void Parser::mark(size_t from, bool sh::Command::*flag) {
    for (size_t i = from; i < m_sink->size(); ++i) {
        (*m_sink)[i].*flag = true;
    }
}

int Parser::emit(sh::Command&& c) {
    m_sink->push_back(std::move(c));
    return emitted(m_sink->size() - 1);
}

int Parser::emitted(size_t k) {
    sh::Command& c = (*m_sink)[k];
    c.depth = m_depth;
    c.in_substitution = m_in_subst;
    c.in_function = m_in_function;
    c.scope = m_scope;
    c.parent = 0;  // relative while parsing: 0 none, negative distance to the parent
    if (!m_pending.empty()) {
        flush_pending(static_cast<int>(k));
    }
    if (may_run_script((*m_sink)[k])) {
        expand_nested(k);
    }
    return static_cast<int>(k);
}

void Parser::flush_pending(int parent) {
    for (sh::Command& p : m_pending) {
        const int j = static_cast<int>(m_sink->size());
        if (p.parent == 0 && parent >= 0) {
            p.parent = parent - j;
        }
        m_sink->push_back(std::move(p));
    }
    m_pending.clear();
}

// ---- lists ----

void Parser::parse_list() {
    int last = -1;
    while (true) {
        skip_newlines();
        const Token& t = peek();
        if (is_list_end(t)) {
            break;
        }
        if (is_op(t, Op::semi) || is_op(t, Op::amp)) {
            error(t.begin, "unexpected " + describe(t));
            drop();
            continue;
        }
        const size_t first_command = m_sink->size();
        const size_t first_scope = m_script.scopes.size();
        const size_t first_function = m_script.functions.size();
        size_t guarded = SIZE_MAX;
        int r = parse_and_or(guarded);
        if (r >= 0) {
            last = r;
        }
        const Token& n = peek();
        bool background = false;
        if (is_op(n, Op::semi) || n.kind == TokenKind::newline) {
            if (r >= 0) {
                (*m_sink)[static_cast<size_t>(r)].next = sh::Connector::seq;
            }
            drop();
        } else if (is_op(n, Op::amp)) {
            if (r >= 0) {
                (*m_sink)[static_cast<size_t>(r)].next = sh::Connector::background;
            }
            // An asynchronous list runs in a subshell.
            into_subshell(first_command, first_scope, first_function);
            drop();
            background = true;
        } else if (!is_list_end(n)) {
            error(n.begin, "unexpected " + describe(n));
            drop();
        }
        if (guarded != SIZE_MAX) {
            // `[ -d x ] && cd x` is a branch, unless the script ends with it: its status is then the
            // script's, so a false test fails the script as any failure would (`test -s f && tar
            // -xf f && cd d` asserts).
            skip_newlines();
            if (background || m_depth != 0 || peek().kind != TokenKind::end) {
                mark(guarded, &sh::Command::in_branch);
            }
        }
    }
    // The last command of a list is joined to nothing (a trailing '&' still means background).
    if (last >= 0 && (*m_sink)[static_cast<size_t>(last)].next == sh::Connector::seq) {
        (*m_sink)[static_cast<size_t>(last)].next = sh::Connector::none;
    }
}

bool Parser::status_may_be_false(int last) const {
    if (last < 0) {
        return true;  // `(( x > 1 ))`, or nothing to judge by
    }
    const sh::Command& c = (*m_sink)[static_cast<size_t>(last)];
    if (c.negated) {
        return true;
    }
    if (c.argv.empty() || c.argv.front().dynamic) {
        return false;
    }
    // Lengths first: most names are longer than four bytes and need no compare.
    const std::string& name = c.argv.front().value;
    switch (name.size()) {
        case 1:
            return name[0] == '[';
        case 2:
            return name[0] == '[' && name[1] == '[';
        case 4:
            return name == "test";
        default:
            return false;
    }
}

int Parser::parse_and_or(size_t& guarded) {
    guarded = SIZE_MAX;
    size_t marked = m_sink->size();
    int last = parse_pipeline();
    // The list's status so far is true on every ordinary run: no test decided it, and a failure of
    // another command is the build's error. Then `&&` goes on and `||` starts a branch.
    bool sure = !status_may_be_false(last);
    while (true) {
        const Token& t = peek();
        if (!is_op(t, Op::and_if) && !is_op(t, Op::or_if)) {
            break;
        }
        const sh::Connector c = t.op == Op::and_if ? sh::Connector::and_if : sh::Connector::or_if;
        drop();
        // Commands before `marked` were marked at an earlier operator (flags are only ever set):
        // marking each new one once keeps long `a && b && c ...` chains linear.
        mark(marked, &sh::Command::in_condition);
        marked = m_sink->size();
        if (last >= 0) {
            (*m_sink)[static_cast<size_t>(last)].next = c;
        }
        skip_newlines();
        last = parse_pipeline();
        if (c == sh::Connector::and_if) {
            // Runs only if a test was true: the caller knows whether that is a branch.
            if (!sure && guarded == SIZE_MAX) {
                guarded = marked;
            }
            sure = sure && !status_may_be_false(last);
            continue;
        }
        // `||` runs this element only when the left failed; after it the list goes on whatever the
        // test before said, so the guarded elements are branches too.
        mark(std::min(guarded, marked), &sh::Command::in_branch);
        guarded = SIZE_MAX;
        // An unsure status becomes sure if this element's is (the left was true or this one ran).
        sure = sure || !status_may_be_false(last);
    }
    return last;
}

int Parser::parse_pipeline() {
    bool negated = false;
    while (peek().kw == Kw::bang) {
        drop();
        negated = true;
    }
    Token* first = nullptr;
    if (peek().kw == Kw::time) {
        // `time` is a keyword before a compound command, otherwise a wrapper effective_argv skips.
        // The word waits in m_time_word (set after peek(), which may parse a nested `time`):
        // parse_simple() takes it before reading anything else.
        Token tw = take();
        const Token& n = peek();
        bool keyword =
            is_op(n, Op::lparen) || is_compound_kw(n.kw) || n.kw == Kw::dbracket || n.kw == Kw::bang;
        if (!keyword) {
            m_time_word = std::move(tw);
            first = &m_time_word;
        } else if (n.kw == Kw::bang) {
            drop();
            negated = true;
        }
    }
    const int id = new_pipeline();
    const size_t start = m_sink->size();
    int last = -1;
    bool piped_in = false;
    while (true) {
        const size_t element = m_sink->size();
        const size_t element_scopes = m_script.scopes.size();
        const size_t element_functions = m_script.functions.size();
        last = parse_command(id, piped_in, first);
        first = nullptr;
        const Token& t = peek();
        const bool piped_out = is_op(t, Op::pipe) || is_op(t, Op::pipe_amp);
        if (piped_in || piped_out) {
            // Each command of a multi-command pipeline runs in a subshell (sh, dash, ash, bash
            // without lastpipe): a cd or variable set there does not reach the commands after it.
            into_subshell(element, element_scopes, element_functions);
        }
        if (!piped_out) {
            break;
        }
        drop();
        if (last >= 0) {
            // A compound element's last command feeds the pipe: it joins this pipeline.
            sh::Command& c = (*m_sink)[static_cast<size_t>(last)];
            const int old = c.pipeline;
            if (old != id) {
                for (size_t i = element; i < m_sink->size(); ++i) {
                    if ((*m_sink)[i].pipeline == old) {
                        (*m_sink)[i].pipeline = id;
                    }
                }
            }
            c.next = sh::Connector::pipe;
            c.element_before =
                static_cast<uint16_t>(std::min<size_t>(static_cast<size_t>(last) - element, 65535));
        }
        skip_newlines();
        piped_in = true;
    }
    if (negated) {
        mark(start, &sh::Command::negated);
    }
    return last;
}

// ---- commands ----

int Parser::parse_command(int pipeline, bool piped_in, Token* first) {
    if (first != nullptr) {
        return parse_simple(pipeline, first);
    }
    const Token& t = peek();
    bool compound = false;
    if (t.kw != Kw::none) {
        if (t.kw == Kw::dbracket) {
            return parse_dbracket(pipeline);
        }
        if (t.kw == Kw::function) {
            parse_function_keyword();
            return -1;
        }
        if (is_list_end_kw(t.kw)) {
            error(t.begin, "expected a command but found " + describe(t));
            return -1;
        }
        compound = is_compound_kw(t.kw);
    } else if (is_op(t, Op::lparen)) {
        if (try_arithmetic_command()) {
            return -1;
        }
        compound = true;
    }
    if (compound) {
        const size_t from = m_sink->size();
        Token kw = take();
        if (!enter(kw.begin)) {
            m_pos = kw.begin;  // the keyword or '(' is read again, as the flat reading's first frame
            parse_flat(FlatUntil::construct, m_depth + 1);
            parse_compound_redirects();
            return last_top_command(from);
        }
        m_join_pipeline = piped_in ? pipeline : -1;
        ++m_depth;
        parse_compound(kw);
        --m_depth;
        m_join_pipeline = -1;
        leave();
        parse_compound_redirects();
        return last_top_command(from);
    }
    if (t.kind == TokenKind::word || is_op(t, Op::redirect) || is_op(t, Op::heredoc)) {
        return parse_simple(pipeline, nullptr);
    }
    if (is_list_end(t) || t.kind == TokenKind::newline) {
        error(t.begin, "expected a command but found " + describe(t));
        return -1;
    }
    error(t.begin, "unexpected " + describe(t));
    drop();
    return -1;
}

void Parser::add_assignment(sh::Command& c, Token& w) {
    c.assignments.push_back(take_word(w));
}

void Parser::add_plain_assignment(sh::Command& c, std::string_view raw, uint32_t begin, uint32_t end) {
    sh::Word& w = c.assignments.emplace_back();
    set_word_value(w, raw);
    w.begin = begin;
    w.end = end;
}

int Parser::parse_simple(int pipeline, Token* first) {
    // Built in place at the end of the sink: words and redirections never add to this sink
    // (substitutions go to their own, then to m_pending), so `c` stays valid until emitted().
    const size_t index = m_sink->size();
    sh::Command& c = m_sink->emplace_back();
    bool any = false;
    auto extend = [&](uint32_t b, uint32_t e) {
        if (!any) {
            c.begin = b;
            any = true;
        }
        c.end = std::max(c.end, e);
    };
    // A word that is its text as written (a lazy token).
    auto add_plain = [&](uint32_t b, uint32_t e) __attribute__((always_inline)) {
        extend(b, e);
        const std::string_view raw(m_text.data() + b, e - b);
        if (c.argv.empty()) {
            if (is_assignment(raw)) {
                add_plain_assignment(c, raw, b, e);
                return;
            }
            c.argv.reserve(8);  // most commands have a few words: one allocation
        }
        sh::Word& d = c.argv.emplace_back();
        set_word_value(d, raw);
        d.begin = b;
        d.end = e;
    };
    auto add_word = [&](Token & w) __attribute__((always_inline)) {
        if (w.lazy) {
            add_plain(w.begin, w.end);
            return;
        }
        extend(w.begin, w.end);
        if (c.argv.empty()) {
            if (is_assignment(m_text.substr(w.begin, w.end - w.begin))) {
                add_assignment(c, w);
                return;
            }
            c.argv.reserve(8);
        }
        c.argv.push_back(std::move(w.full));
    };
    if (first != nullptr) {
        add_word(*first);
    }
    while (true) {
        uint32_t plain_end = k_none;
        if (!m_has_tok && (plain_end = plain_word_or_lex()) != k_none) {
            // A word that is its text, read without a token (what lex() would make of it).
            const uint32_t b = m_pos;
            m_pos = plain_end;
            add_plain(b, plain_end);
        } else {
            const Token& t = peek();
            if (t.kind != TokenKind::word) {
                if (is_op(t, Op::redirect) || is_op(t, Op::heredoc)) {
                    const uint32_t b = t.begin;
                    const uint32_t e = t.end;
                    parse_redirect(c.redirects);
                    extend(b, std::max(e, c.redirects.back().target.end));
                    continue;
                }
                break;
            }
            add_word(take_ref());
        }
        if (c.argv.size() == 1 && c.assignments.empty() && c.redirects.empty() && may_open_paren() &&
            is_op(peek(), Op::lparen)) {
            // name() compound-command
            drop();
            if (is_op(peek(), Op::rparen)) {
                drop();
            } else {
                error(peek().begin, "expected ')' in function definition but found " + describe(peek()));
            }
            const uint32_t at = c.begin;
            std::string name =
                c.argv[0].quoted || c.argv[0].dynamic ? std::string() : std::move(c.argv[0].value);
            m_sink->pop_back();
            flush_pending(-1);
            parse_function_body(at, std::move(name));
            return -1;
        }
    }
    if (!any) {
        m_sink->pop_back();
        flush_pending(-1);
        return -1;
    }
    c.pipeline = pipeline;
    return emitted(index);
}

void Parser::parse_redirect(std::vector<sh::Redirect>& out) {
    Token op = take();
    sh::Redirect r;
    r.op = std::string(op.text);
    if (peek().kind != TokenKind::word) {
        error(op.begin, "missing target for redirection '" + r.op + "'");
        r.target.begin = r.target.end = op.end;
        out.push_back(std::move(r));
        return;
    }
    Token w = take();
    r.target = take_word(w);
    if (op.op == Op::heredoc) {
        add_heredoc(r, op.begin);
    }
    out.push_back(std::move(r));
}

void Parser::add_heredoc(sh::Redirect& r, uint32_t op) {
    sh::Heredoc h;
    h.delimiter = r.target.value;
    h.quoted = r.target.quoted;
    h.strip_tabs = !r.op.empty() && r.op.back() == '-';
    r.heredoc = static_cast<int>(m_script.heredocs.size());
    m_script.heredocs.push_back(std::move(h));
    m_pending_heredocs.push_back({r.heredoc, op});
}

void Parser::parse_compound_redirects() {
    // Redirections of a compound command are not kept, but their here-documents must be skipped
    // and their substitutions (`done < <(cmd)`) parsed.
    while ((is_op(peek(), Op::redirect) || is_op(peek(), Op::heredoc))) {
        std::vector<sh::Redirect> ignored;
        parse_redirect(ignored);
        flush_pending(-1);
    }
}

}  // namespace bulwark::input::shell::detail
