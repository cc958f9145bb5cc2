// Scripts inside scripts: $(...) parsed in place, and `sh -c '...'` / `su -c` / escaped backticks
// parsed separately and merged with their offsets mapped back to the outer text.
#include <algorithm>
#include <span>

#include "bulwark/input/shell/parser_impl.hpp"
#include "bulwark/model/shell_query.hpp"

namespace bulwark::input::shell::detail {

namespace {

// The script argument of a shell or su command.
struct ScriptArg {
    const sh::Word* word = nullptr;
    bool attached = false;  // "--command=..." / "-c..." : the script is only part of the word
    size_t skip = 0;        // bytes of the word's value before the script when attached
    bool pipefail = false;  // `bash -o pipefail -c`
};

// sh [options] -c script [name [args]]: options may come before or after -c; "-o name" and
// "-O name" take the next word.
ScriptArg shell_script(std::span<const sh::Word> argv, const sh::Command& c) {
    ScriptArg r;
    bool has_c = false;
    const size_t n = argv.size();
    size_t i = 1;
    for (; i < n; ++i) {
        std::string_view v = argv[i].value;
        if (v == "--") {
            ++i;
            break;
        }
        if (v.size() < 2 || (v[0] != '-' && v[0] != '+')) {
            break;
        }
        if (v[0] == '-' && v[1] == '-') {
            if (v == "--rcfile" || v == "--init-file") {
                ++i;
            }
            continue;
        }
        for (size_t j = 1; j < v.size(); ++j) {
            if (v[j] == 'c' && v[0] == '-') {
                has_c = true;
            } else if ((v[j] == 'o' || v[j] == 'O') && i + 1 < n) {
                ++i;
                if (v[j] == 'o' && argv[i].value == "pipefail") {
                    r.pipefail = v[0] == '-';
                }
            }
        }
    }
    if (has_c) {
        r.word = i < n ? &argv[i] : nullptr;
        return r;
    }
    if (i < n) {
        return r;  // a script file
    }
    // `bash <<< 'script'`: the shell reads the here-string.
    for (const sh::Redirect& red : c.redirects) {
        if (red.op == "<<<" || red.op == "0<<<") {
            r.word = &red.target;
        }
    }
    return r;
}

// su [options] [-] [user [args]] with -c/--command/--session-command SCRIPT.
ScriptArg su_script(std::span<const sh::Word> argv) {
    ScriptArg r;
    const size_t n = argv.size();
    for (size_t i = 1; i < n; ++i) {
        std::string_view v = argv[i].value;
        if (v == "--") {
            break;
        }
        if (v.size() > 2 && v[0] == '-' && v[1] == '-') {
            std::string_view name = v.substr(2);
            size_t eq = name.find('=');
            std::string_view key = name.substr(0, eq);
            if (key == "command" || key == "session-command") {
                if (eq != std::string_view::npos) {
                    return {&argv[i], true, 2 + eq + 1, false};
                }
                return {i + 1 < n ? &argv[i + 1] : nullptr, false, 0, false};
            }
            if (eq == std::string_view::npos &&
                (key == "shell" || key == "group" || key == "supp-group" || key == "whitelist-environment")) {
                ++i;
            }
            continue;
        }
        if (v.size() > 1 && v[0] == '-') {
            for (size_t j = 1; j < v.size(); ++j) {
                if (v[j] == 'c') {
                    if (j + 1 < v.size()) {
                        return {&argv[i], true, j + 1, false};
                    }
                    return {i + 1 < n ? &argv[i + 1] : nullptr, false, 0, false};
                }
                if (v[j] == 's' || v[j] == 'g' || v[j] == 'G' || v[j] == 'w') {
                    if (j + 1 == v.size()) {
                        ++i;
                    }
                    break;
                }
            }
        }
    }
    return r;
}

}  // namespace

void Parser::parse_substitution(uint32_t open, bool until_paren) {
    const bool flat = !enter(open);
    const int saved_depth = m_depth;
    const bool saved_subst = m_in_subst;
    const int saved_scope = m_scope;
    const bool saved_dbracket = m_dbracket;
    const int saved_join = m_join_pipeline;
    std::vector<sh::Command>* saved_sink = m_sink;
    Token saved_tok = std::move(m_tok);
    const bool saved_has_tok = m_has_tok;
    std::vector<sh::Command> outer_pending;
    outer_pending.swap(m_pending);
    std::vector<sh::Command> out;

    m_sink = &out;
    m_depth += 1;
    m_in_subst = true;
    m_scope = new_scope(true, false);
    m_dbracket = false;
    m_join_pipeline = -1;
    m_has_tok = false;

    if (flat) {
        parse_flat(until_paren ? FlatUntil::paren : FlatUntil::end, m_depth);
    } else {
        parse_list();
    }
    while (!flat) {
        const Token& t = peek();
        if (until_paren && is_list_end(t) && t.kind == TokenKind::op && t.op == Op::rparen) {
            drop();
            break;
        }
        if (t.kind == TokenKind::end) {
            if (until_paren) {
                error(open, "unterminated command substitution: missing ')'");
            }
            break;
        }
        error(t.begin, "unexpected " + describe(t));
        drop();
        parse_list();
    }
    flush_pending(-1);

    m_sink = saved_sink;
    m_depth = saved_depth;
    m_in_subst = saved_subst;
    m_scope = saved_scope;
    m_dbracket = saved_dbracket;
    m_join_pipeline = saved_join;
    m_tok = std::move(saved_tok);
    m_has_tok = saved_has_tok;
    m_pending.swap(outer_pending);
    if (m_emit_substitutions) {
        if (m_pending.empty()) {
            m_pending.swap(out);  // the usual case: no command to move
        } else {
            for (sh::Command& c : out) {
                m_pending.push_back(std::move(c));
            }
        }
    }
    if (!flat) {
        leave();
    }
}

void Parser::parse_escaped_backtick(uint32_t open, uint32_t end, std::string inner) {
    const bool flat = !enter(open);
    Parser p(inner, m_nesting + (flat ? 1 : 0), true);
    p.m_flat_all = flat;
    p.m_limit_noted = flat;
    sh::Script s = p.run();
    Mapping map;
    map.begin = open;
    map.end = end;
    MergeContext ctx;
    ctx.depth = m_depth + 1;
    ctx.in_substitution = true;
    ctx.in_function = m_in_function;
    ctx.scope_parent = m_scope;
    if (!m_emit_substitutions) {
        s.commands.clear();
    }
    merge(std::move(s), map, ctx, m_pending);
    if (!flat) {
        leave();
    }
}

void Parser::expand_nested(size_t index) {
    const sh::Command& c = (*m_sink)[index];
    std::span<const sh::Word> argv = sh::effective_argv(c);
    if (argv.empty()) {
        return;
    }
    std::string_view name = sh::basename(argv[0].value);
    if (name == "busybox") {
        if (argv.size() < 2 || !sh::is_shell_name(sh::basename(argv[1].value))) {
            return;
        }
        argv = argv.subspan(1);
        name = sh::basename(argv[0].value);
    }
    ScriptArg arg;
    if (sh::is_shell_name(name) && name != "busybox") {
        arg = shell_script(argv, c);
    } else if (name == "su" || name == "runuser") {
        arg = su_script(argv);
    }
    if (arg.word == nullptr) {
        return;
    }
    // Copy what is needed: merging appends to the sink and invalidates references into it.
    const sh::Word w = *arg.word;
    MergeContext ctx;
    ctx.depth = c.depth + 1;
    ctx.in_substitution = c.in_substitution;
    ctx.in_function = c.in_function;
    ctx.scope_parent = c.scope;
    ctx.scope_inherits = false;
    ctx.scope_pipefail = arg.pipefail;
    ctx.parent = static_cast<int>(index);

    Mapping map;
    map.begin = w.begin;
    map.end = w.end;
    std::string_view raw = w.end <= m_text.size() && w.begin <= w.end
                               ? m_text.substr(w.begin, w.end - w.begin)
                               : std::string_view{};
    if (!arg.attached && raw == w.value) {
        map.exact = true;
        map.base = w.begin;
    } else if (!arg.attached && raw.size() == w.value.size() + 2 && (raw[0] == '\'' || raw[0] == '"') &&
               raw.back() == raw[0] && raw.substr(1, w.value.size()) == w.value) {
        map.exact = true;
        map.base = w.begin + 1;
    }
    // Substitutions the outer shell expands in this word were emitted already: do not repeat them.
    bool emit_substitutions = true;
    for (size_t j = index + 1; j < m_sink->size(); ++j) {
        const sh::Command& s = (*m_sink)[j];
        if (s.parent == static_cast<int>(index) - static_cast<int>(j) && s.begin >= w.begin &&
            s.begin < w.end) {
            emit_substitutions = false;
            break;
        }
    }
    const bool flat = !enter(w.begin);
    if (flat && m_nesting >= k_max_nesting + k_max_flat_scripts) {
        return;  // the script stays a word
    }
    // Past the limit the script is read flat by a parser one level deeper, which counts the
    // nested scripts read that way.
    Parser p(std::string_view(w.value).substr(std::min(arg.skip, w.value.size())), m_nesting + (flat ? 1 : 0),
             emit_substitutions);
    p.m_flat_all = flat;
    p.m_limit_noted = flat;
    merge(p.run(), map, ctx, *m_sink);
    if (!flat) {
        leave();
    }
}

void Parser::merge(sh::Script&& inner, const Mapping& map, const MergeContext& ctx,
                   std::vector<sh::Command>& dest) {
    const int scope_base = static_cast<int>(m_script.scopes.size());
    if (inner.scopes.empty()) {
        inner.scopes.emplace_back();
    }
    for (const sh::Scope& s : inner.scopes) {
        sh::Scope x = s;
        if (s.parent < 0) {
            x.parent = ctx.scope_parent;
            x.inherits = ctx.scope_inherits;
            x.pipefail = ctx.scope_pipefail;
        } else {
            x.parent += scope_base;
        }
        m_script.scopes.push_back(x);
    }
    const int heredoc_base = static_cast<int>(m_script.heredocs.size());
    for (sh::Heredoc& h : inner.heredocs) {
        h.begin = map.map_begin(h.begin);
        h.end = map.map_end(h.end);
        m_script.heredocs.push_back(std::move(h));
    }
    auto map_word = [&](sh::Word& w) {
        w.begin = map.map_begin(w.begin);
        w.end = map.map_end(w.end);
    };
    const int pipeline_base = m_next_pipeline;
    int max_pipeline = -1;
    std::vector<sh::Command>& commands = inner.commands.mutate();
    for (size_t i = 0; i < commands.size(); ++i) {
        sh::Command& c = commands[i];
        c.begin = map.map_begin(c.begin);
        c.end = map.map_end(c.end);
        for (sh::Word& w : c.assignments) {
            map_word(w);
        }
        for (sh::Word& w : c.argv) {
            map_word(w);
        }
        for (sh::Redirect& r : c.redirects) {
            map_word(r.target);
            if (r.heredoc >= 0) {
                r.heredoc += heredoc_base;
            }
        }
        c.depth += ctx.depth;
        c.in_substitution = c.in_substitution || ctx.in_substitution;
        c.in_function = c.in_function || ctx.in_function;
        max_pipeline = std::max(max_pipeline, c.pipeline);
        c.pipeline += pipeline_base;
        c.scope += scope_base;
        const int j = static_cast<int>(dest.size());
        if (c.parent >= 0) {
            c.parent -= static_cast<int>(i);  // relative, the block stays contiguous
        } else {
            c.parent = ctx.parent >= 0 ? ctx.parent - j : 0;
        }
        dest.push_back(std::move(c));
    }
    m_next_pipeline = std::max(m_next_pipeline, pipeline_base + max_pipeline + 1);
    for (sh::Script::LoopVariable& v : inner.loop_variables) {
        m_script.loop_variables.push_back({std::move(v.name), map.map_begin(v.begin)});
    }
    for (sh::Script::Function& f : inner.functions) {
        m_script.functions.push_back({std::move(f.name), map.map_begin(f.begin), map.map_begin(f.body_begin),
                                      map.map_end(f.body_end), f.scope + scope_base});
    }
    for (sh::Script::Error& e : inner.errors) {
        m_script.errors.push_back(
            {map.map_begin(e.offset), std::move(e.message), e.stops_parse, e.approximated});
    }
}

}  // namespace bulwark::input::shell::detail
