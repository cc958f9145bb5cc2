#include "bulwark/input/compose/interpolate.hpp"

#include <fmt/format.h>

namespace bulwark::input::compose {

namespace {

constexpr size_t k_max_nesting = 32;

bool name_start(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool name_char(char c) {
    return name_start(c) || (c >= '0' && c <= '9');
}

class Interpolator {
  public:
    explicit Interpolator(const Environment& env) : m_env(env) {}

    /// Interpolates text[begin, end) (offsets kept relative to the whole text) into `out`.
    void run(std::string_view text, size_t begin, size_t end, size_t depth, Interpolated& out) {
        size_t i = begin;
        while (i < end) {
            char c = text[i];
            if (c != '$') {
                out.value += c;
                ++i;
                continue;
            }
            if (i + 1 < end && text[i + 1] == '$') {
                out.value += '$';
                i += 2;
                continue;
            }
            if (i + 1 < end && text[i + 1] == '{') {
                i = braced(text, i, end, depth, out);
                continue;
            }
            if (i + 1 < end && name_start(text[i + 1])) {
                size_t j = i + 1;
                while (j < end && name_char(text[j])) {
                    ++j;
                }
                substitute(text.substr(i + 1, j - i - 1), out);
                i = j;
                continue;
            }
            out.problems.push_back({i, false,
                                    fmt::format("invalid interpolation '{}' (write $$ for a literal $); "
                                                "docker compose rejects it",
                                                text.substr(i, std::min<size_t>(2, end - i)))});
            out.value += '$';
            ++i;
        }
    }

  private:
    /// `${...}` at text[at]; returns the offset after it.
    size_t braced(std::string_view text, size_t at, size_t end, size_t depth, Interpolated& out) {
        size_t close = matching_brace(text, at + 2, end);
        auto invalid = [&](std::string why) {
            out.problems.push_back({at, false, std::move(why)});
            size_t stop = close == std::string_view::npos ? end : close + 1;
            out.value.append(text.substr(at, stop - at));
            return stop;
        };
        if (close == std::string_view::npos) {
            return invalid("unterminated '${' in interpolation; docker compose rejects it");
        }
        size_t j = at + 2;
        while (j < close && name_char(text[j])) {
            ++j;
        }
        std::string_view name = text.substr(at + 2, j - at - 2);
        if (name.empty() || !name_start(name[0])) {
            return invalid(fmt::format("invalid interpolation '{}'; docker compose rejects it",
                                       text.substr(at, close + 1 - at)));
        }
        if (j == close) {
            substitute(name, out);
            return close + 1;
        }
        bool colon = text[j] == ':';
        size_t op_at = colon ? j + 1 : j;
        char op = op_at < close ? text[op_at] : '\0';
        if (op != '-' && op != '?' && op != '+') {
            return invalid(
                fmt::format("invalid interpolation '{}' (only :- - :? ? :+ + are supported); "
                            "docker compose rejects it",
                            text.substr(at, close + 1 - at)));
        }
        if (depth >= k_max_nesting) {
            return invalid("interpolation nested too deeply");
        }
        size_t word = op_at + 1;
        auto it = m_env.find(name);
        bool is_set = it != m_env.end();
        bool has_value = is_set && (!colon || !it->second.empty());
        switch (op) {
            case '-':
                if (has_value) {
                    out.value += it->second;
                } else {
                    run(text, word, close, depth + 1, out);
                }
                break;
            case '+':
                if (has_value) {
                    run(text, word, close, depth + 1, out);
                }
                break;
            default: {  // '?'
                if (has_value) {
                    out.value += it->second;
                    break;
                }
                Interpolated message;
                run(text, word, close, depth + 1, message);
                out.known = false;
                std::string why = message.value.empty() ? std::string() : ": " + message.value;
                out.problems.push_back(
                    {at, true,
                     fmt::format("required variable {} is {}{}", name, is_set ? "empty" : "not set", why)});
                break;
            }
        }
        return close + 1;
    }

    /// The '}' closing a `${` whose body starts at `from`, counting nested `${`.
    static size_t matching_brace(std::string_view text, size_t from, size_t end) {
        size_t depth = 0;
        for (size_t i = from; i < end; ++i) {
            if (text[i] == '$' && i + 1 < end && text[i + 1] == '$') {
                ++i;
            } else if (text[i] == '$' && i + 1 < end && text[i + 1] == '{') {
                ++depth;
                ++i;
            } else if (text[i] == '}') {
                if (depth == 0) {
                    return i;
                }
                --depth;
            }
        }
        return std::string_view::npos;
    }

    void substitute(std::string_view name, Interpolated& out) {
        auto it = m_env.find(name);
        if (it == m_env.end()) {
            out.known = false;
            return;
        }
        out.value += it->second;
    }

    const Environment& m_env;
};

void walk(Node& n, const Environment& env, std::vector<core::Diagnostic>& diagnostics, size_t depth) {
    if (depth > 1000) {
        return;
    }
    if (n.is_scalar()) {
        if (n.scalar.find('$') == std::string::npos) {
            return;
        }
        Interpolated r = interpolate(n.scalar, env);
        for (const Interpolated::Problem& p : r.problems) {
            const util::SourceFile* src = n.origin.file.get();
            if (src == nullptr) {
                continue;
            }
            size_t offset = n.verbatim ? n.text_begin + p.offset : n.origin.range.begin;
            diagnostics.push_back(core::make_diagnostic(
                p.error ? core::DiagLevel::error : core::DiagLevel::warning, *src, offset, p.message));
        }
        if (r.value != n.scalar) {
            n.verbatim = false;
            n.scalar = std::move(r.value);
        }
        n.known = n.known && r.known;
        return;
    }
    for (Node& item : n.items) {
        walk(item, env, diagnostics, depth + 1);
    }
    for (Entry& e : n.entries) {
        walk(e.value, env, diagnostics, depth + 1);
    }
}

}  // namespace

Interpolated interpolate(std::string_view text, const Environment& env) {
    Interpolated out;
    Interpolator(env).run(text, 0, text.size(), 0, out);
    return out;
}

void interpolate_tree(Node& root, const Environment& env, std::vector<core::Diagnostic>& diagnostics) {
    walk(root, env, diagnostics, 0);
}

}  // namespace bulwark::input::compose
