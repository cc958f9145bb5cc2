// Compound commands: ( ), { }, if, while/until, for/select, case, functions, [[ ]] and (( )).
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "bulwark/input/shell/parser_impl.hpp"

namespace bulwark::input::shell::detail {

int Parser::parse_dbracket(int pipeline) {
    Token kw = take();
    sh::Command c;
    c.begin = kw.begin;
    c.end = kw.end;
    c.argv.push_back(take_word(kw));
    m_dbracket = true;
    bool closed = false;
    while (true) {
        const Token& t = peek();
        if (t.kind == TokenKind::newline) {
            drop();
            continue;
        }
        if (t.kind != TokenKind::word) {
            break;
        }
        Token w = take();
        c.end = w.end;
        closed = w.plain && word_value(w) == "]]";
        c.argv.push_back(take_word(w));
        if (closed) {
            break;
        }
    }
    m_dbracket = false;
    if (!closed) {
        error(c.begin, "missing ']]' to close this '[['");
    }
    c.pipeline = pipeline;
    return emit(std::move(c));
}

bool Parser::try_arithmetic_command() {
    const Token& t = peek();
    if (t.end >= m_end || m_text[t.end] != '(') {
        return false;
    }
    uint32_t e = arithmetic_end(t.end + 1);
    if (e == k_none) {
        return false;
    }
    drop();
    m_pos = e;
    return true;
}

void Parser::parse_compound(const Token& kw) {
    if (kw.kind == TokenKind::op) {
        parse_subshell(kw.begin);
        return;
    }
    std::string_view v = word_value(kw);
    if (v == "{") {
        parse_list();
        expect_keyword("}", kw.begin, "{");
    } else if (v == "if") {
        parse_if(kw.begin);
    } else if (v == "while" || v == "until") {
        parse_loop(kw.begin, v);
    } else if (v == "for" || v == "select") {
        parse_for(kw.begin, v);
    } else {
        parse_case(kw.begin);
    }
}

void Parser::parse_subshell(uint32_t open) {
    const int saved_scope = m_scope;
    m_scope = new_scope(true, false);
    parse_list();
    if (is_op(peek(), Op::rparen)) {
        drop();
    } else {
        error(open, "missing ')' to close this '('");
    }
    m_scope = saved_scope;
}

void Parser::parse_if(uint32_t at) {
    // Everything after the first condition (branches, elif conditions) runs on some paths only.
    size_t branches = SIZE_MAX;
    bool closed = true;  // false when `then` is missing: no `fi` to expect
    while (true) {
        const size_t condition = m_sink->size();
        parse_list();
        mark(condition, &sh::Command::in_condition);
        branches = std::min(branches, m_sink->size());
        if (!expect_keyword("then", at, {})) {
            if (at_keyword("fi")) {
                drop();
            }
            closed = false;
            break;
        }
        parse_list();
        if (at_keyword("elif")) {
            drop();
            continue;
        }
        if (at_keyword("else")) {
            drop();
            parse_list();
        }
        break;
    }
    if (branches != SIZE_MAX) {
        mark(branches, &sh::Command::in_branch);
    }
    if (closed) {
        expect_keyword("fi", at, "if");
    }
}

void Parser::parse_loop(uint32_t at, std::string_view kw) {
    const size_t condition = m_sink->size();
    parse_list();
    mark(condition, &sh::Command::in_condition);
    parse_do_done(at, kw);
    mark(condition, &sh::Command::in_branch);  // the condition runs once per turn, the body maybe never
}

void Parser::parse_do_done(uint32_t at, std::string_view kw) {
    if (!expect_keyword("do", at, {})) {
        if (at_keyword("done")) {
            drop();
        }
        return;
    }
    const size_t body = m_sink->size();
    parse_list();
    mark(body, &sh::Command::in_branch);
    expect_keyword("done", at, kw);
}

void Parser::parse_for(uint32_t at, std::string_view kw) {
    if (is_op(peek(), Op::lparen) && try_arithmetic_command()) {
        // for (( init; test; step ))
    } else if (peek().kind == TokenKind::word) {
        const Token& name = peek();
        m_script.loop_variables.push_back({std::string(word_value(name)), name.begin});
        drop();
        flush_pending(-1);
    } else {
        error(peek().begin, "expected a variable name after '" + std::string(kw) + "'");
    }
    if (is_op(peek(), Op::semi)) {
        drop();
    }
    skip_newlines();
    if (at_keyword("in")) {
        drop();
        while (peek().kind == TokenKind::word) {
            drop();
            flush_pending(-1);
        }
        if (is_op(peek(), Op::semi) || peek().kind == TokenKind::newline) {
            drop();
        }
        skip_newlines();
    }
    parse_do_done(at, kw);
}

void Parser::parse_case(uint32_t at) {
    if (peek().kind == TokenKind::word) {
        drop();
        flush_pending(-1);
    } else {
        error(peek().begin, "expected a word after 'case'");
    }
    skip_newlines();
    if (!expect_keyword("in", at, {})) {
        return;
    }
    while (true) {
        skip_newlines();
        const Token& t = peek();
        if (is_word(t, "esac")) {
            drop();
            return;
        }
        if (t.kind == TokenKind::end || (is_list_end(t) && !is_op(t, Op::rparen))) {
            break;
        }
        if (is_op(t, Op::lparen)) {
            drop();
        }
        bool closed = false;
        while (peek().kind == TokenKind::word) {
            drop();
            flush_pending(-1);
            if (is_op(peek(), Op::pipe)) {
                drop();
                continue;
            }
            if (is_op(peek(), Op::rparen)) {
                drop();
                closed = true;
            }
            break;
        }
        if (!closed) {
            error(peek().begin, "expected ')' after a case pattern but found " + describe(peek()));
        }
        const size_t arm = m_sink->size();
        parse_list();
        mark(arm, &sh::Command::in_branch);
        const Token& e = peek();
        if (is_op(e, Op::dsemi) || is_op(e, Op::semi_amp) || is_op(e, Op::dsemi_amp)) {
            drop();
            continue;
        }
        if (is_word(e, "esac")) {
            drop();
            return;
        }
        if (e.kind == TokenKind::end || is_list_end(e)) {
            break;
        }
        error(e.begin, "expected ';;' or 'esac' but found " + describe(e));
        drop();
    }
    error(at, "missing 'esac' to close this 'case'");
}

void Parser::parse_function_keyword() {
    const Token kw = take();
    std::string name;
    if (peek().kind == TokenKind::word) {
        if (peek().plain) {
            name = word_value(peek());
        }
        drop();
        flush_pending(-1);
    } else {
        error(peek().begin, "expected a function name after 'function'");
    }
    if (is_op(peek(), Op::lparen)) {
        drop();
        if (is_op(peek(), Op::rparen)) {
            drop();
        } else {
            error(peek().begin, "expected ')' in function definition but found " + describe(peek()));
        }
    }
    parse_function_body(kw.begin, std::move(name));
}

void Parser::parse_function_body(uint32_t at, std::string name) {
    skip_newlines();
    const Token& t = peek();
    bool compound = is_op(t, Op::lparen) || (t.kind == TokenKind::word && t.plain &&
                                             (is_compound_keyword(word_value(t)) || word_value(t) == "[["));
    if (!compound) {
        error(at, "expected a function body but found " + describe(t));
        return;
    }
    sh::Script::Function f{std::move(name), at, t.begin, t.begin, m_scope};
    const bool saved = m_in_function;
    m_in_function = true;
    parse_command(new_pipeline(), false, nullptr);
    m_in_function = saved;
    // The body's closing word is consumed: what is left starts after it.
    f.body_end = std::max(f.body_begin, m_has_tok ? m_tok.begin : m_pos);
    m_script.functions.push_back(std::move(f));
    parse_compound_redirects();
}

}  // namespace bulwark::input::shell::detail
