#include "bulwark/input/shell/parser.hpp"

#include <limits>

#include "bulwark/input/shell/parser_impl.hpp"

namespace bulwark::input::shell {

namespace detail {

Parser::Parser(std::string_view text, int nesting, bool emit_substitutions)
    : m_text(text), m_nesting(nesting), m_emit_substitutions(emit_substitutions) {
    // Offsets are 32-bit; a longer text is parsed up to that limit.
    constexpr size_t k_limit = std::numeric_limits<uint32_t>::max() - 1;
    m_end = static_cast<uint32_t>(std::min(text.size(), k_limit));
    if (text.size() > k_limit) {
        error(m_end, "script too long; the rest is not parsed");
    }
    m_script.scopes.emplace_back();
}

sh::Script Parser::run() {
    std::vector<sh::Command> out;
    // About one command per 40 bytes or fewer in real scripts: one allocation, rarely regrown.
    out.reserve(8 + m_end / 40);
    m_sink = &out;
    while (true) {
        parse_list();
        if (m_abort) {
            break;
        }
        const Token& t = peek();
        if (t.kind == TokenKind::end) {
            break;
        }
        error(t.begin, "unexpected " + describe(t));
        drop();
        // The separator after a stray closer belongs to it ("fi;"): one error is enough.
        const Token& n = peek();
        if (n.kind == TokenKind::op && (n.op == Op::semi || n.op == Op::amp)) {
            drop();
        }
    }
    flush_pending(-1);
    for (const PendingHeredoc& p : m_pending_heredocs) {
        sh::Heredoc& h = m_script.heredocs[static_cast<size_t>(p.index)];
        h.begin = h.end = m_end;
        error(p.op, "here-document without a body (wanted '" + h.delimiter + "')");
    }
    m_pending_heredocs.clear();
    for (size_t i = 0; i < out.size(); ++i) {
        const int rel = out[i].parent;
        out[i].parent = rel == 0 ? -1 : static_cast<int>(i) + rel;
    }
    m_script.commands = std::move(out);
    return std::move(m_script);
}

}  // namespace detail

model::shell::Script parse(std::string_view script) {
    detail::Parser parser(script, 0, true);
    return parser.run();
}

}  // namespace bulwark::input::shell
