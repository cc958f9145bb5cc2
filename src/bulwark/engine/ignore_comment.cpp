#include "bulwark/engine/ignore_comment.hpp"

#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "bulwark/config/config_file.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

/// config::resolve_rule_id(written), remembered per thread: ignore comments name a few ids over and
/// over (`hadolint ignore=DL3008`), and resolving another tool's id searches every rule's equivalents.
std::vector<std::string> resolved_rule_id(std::string_view written) {
    thread_local std::unordered_map<std::string, std::vector<std::string>> known;
    if (auto it = known.find(std::string(written)); it != known.end()) {
        return it->second;
    }
    if (known.size() >= 1024) {
        known.clear();  // bounded: the ids of a repository's comments, not every text ever met
    }
    return known.emplace(std::string(written), config::resolve_rule_id(written)).first->second;
}

constexpr std::string_view k_directives[] = {"ignore", "ignore-file"};
constexpr std::string_view k_attributes[] = {"reason", "until"};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_id_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

class Cursor {
  public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    size_t pos() const { return m_pos; }
    bool done() const { return m_pos >= m_text.size(); }
    char peek() const { return done() ? '\0' : m_text[m_pos]; }
    void advance() { ++m_pos; }
    void skip_space() {
        while (!done() && is_space(m_text[m_pos])) {
            ++m_pos;
        }
    }
    /// Characters up to white space or `stop`.
    std::string_view word(char stop) {
        size_t begin = m_pos;
        while (!done() && !is_space(m_text[m_pos]) && m_text[m_pos] != stop) {
            ++m_pos;
        }
        return m_text.substr(begin, m_pos - begin);
    }
    std::string_view id() {
        size_t begin = m_pos;
        while (!done() && is_id_char(m_text[m_pos])) {
            ++m_pos;
        }
        return m_text.substr(begin, m_pos - begin);
    }
    /// A value: "quoted", 'quoted' or up to white space. Sets `unterminated` for a missing close quote.
    std::string value(bool& unterminated) {
        char quote = peek();
        if (quote != '"' && quote != '\'') {
            return std::string(word('\0'));
        }
        advance();
        size_t begin = m_pos;
        size_t close = m_text.find(quote, begin);
        unterminated = close == std::string_view::npos;
        m_pos = unterminated ? m_text.size() : close + 1;
        return std::string(m_text.substr(begin, (unterminated ? m_text.size() : close) - begin));
    }

  private:
    std::string_view m_text;
    size_t m_pos = 0;
};

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    auto best = config::closest_word(word, candidates);
    return best ? fmt::format(" (did you mean '{}'?)", *best) : std::string();
}

}  // namespace

bool may_be_ignore_comment(std::string_view text) {
    size_t first = 0;
    while (first < text.size() && is_space(text[first])) {
        ++first;
    }
    char lower = first < text.size() ? static_cast<char>(text[first] | 0x20) : '\0';
    if (lower != 'b' && lower != 'h') {
        return false;  // neither "bulwark" nor "hadolint": most comments stop here
    }
    // The first word, as parse_ignore_comment reads it (up to white space or NUL), compared without
    // scanning it to its end: comments starting with long words such as URLs are common.
    std::string_view rest = text.substr(first);
    auto first_word_is = [rest](std::string_view tool) {
        return rest.size() >= tool.size() && util::iequals(rest.substr(0, tool.size()), tool) &&
               (rest.size() == tool.size() || is_space(rest[tool.size()]) || rest[tool.size()] == '\0');
    };
    return first_word_is("bulwark") || first_word_is("hadolint");
}

std::optional<IgnoreComment> parse_ignore_comment(std::string_view text) {
    Cursor c(text);
    IgnoreComment out;
    c.skip_space();
    std::string_view tool = c.word('\0');
    if (util::iequals(tool, "hadolint")) {
        out.tool = IgnoreComment::Tool::hadolint;
    } else if (!util::iequals(tool, "bulwark")) {
        return std::nullopt;
    }
    bool bulwark = out.tool == IgnoreComment::Tool::bulwark;
    c.skip_space();
    size_t key_at = c.pos();
    std::string_view key = c.word('=');
    if (util::iequals(key, "global")) {
        out.whole_file = true;
        c.skip_space();
        key_at = c.pos();
        key = c.word('=');
    }
    std::string lower = util::to_lower(key);
    bool known = lower == "ignore" || (bulwark && lower == "ignore-file");
    if (c.peek() != '=') {
        // Prose such as "# bulwark is run in CI" is not a directive; "ignore BD001" is a typo.
        if (!bulwark || !known) {
            return std::nullopt;
        }
        out.problems.push_back(
            {fmt::format("expected '=' after '{}' (write {}=ID[,ID...])", key, key), key_at});
        return out;
    }
    if (!known) {
        if (!bulwark) {
            return std::nullopt;  // another hadolint pragma, e.g. `hadolint shell=powershell`
        }
        out.problems.push_back(
            {fmt::format("unknown bulwark directive '{}'{}", key, did_you_mean(key, k_directives)), key_at});
        return out;
    }
    out.whole_file = out.whole_file || lower == "ignore-file";
    c.advance();  // '='
    while (true) {
        c.skip_space();
        size_t at = c.pos();
        std::string_view id = c.id();
        if (id.empty()) {
            out.problems.push_back({fmt::format("expected a rule id after '{}='", key), at});
            break;
        }
        out.ids.push_back({std::string(id), at});
        Cursor look = c;
        look.skip_space();
        if (look.peek() != ',') {
            break;
        }
        c = look;
        c.advance();
    }
    while (true) {
        c.skip_space();
        if (c.done()) {
            break;
        }
        size_t at = c.pos();
        std::string_view name = c.word('=');
        if (c.peek() != '=') {
            if (bulwark) {
                out.problems.push_back(
                    {fmt::format(
                         "unexpected '{}' in ignore comment (expected reason=\"...\" or until=YYYY-MM-DD)",
                         name),
                     at});
            }
            break;  // hadolint allows free text after the ids
        }
        c.advance();
        size_t value_at = c.pos();
        bool unterminated = false;
        std::string value = c.value(unterminated);
        if (unterminated && bulwark) {
            out.problems.push_back({"missing closing quote in ignore comment", value_at});
        }
        if (util::iequals(name, "reason")) {
            out.reason = value;
        } else if (util::iequals(name, "until")) {
            out.until = {value, value_at};
        } else if (bulwark) {
            out.problems.push_back(
                {fmt::format("unknown ignore attribute '{}'{}", name, did_you_mean(name, k_attributes)), at});
        }
    }
    return out;
}

namespace {

std::string label_for(const IgnoreComment& ic, const std::string& written) {
    if (ic.tool == IgnoreComment::Tool::hadolint) {
        return "hadolint: " + written;
    }
    std::string kind = ic.whole_file ? "file" : "inline";
    return ic.reason.empty() ? kind : fmt::format("{}: {}", kind, ic.reason);
}

}  // namespace

std::optional<IgnoreRules> read_ignore_comment(std::string_view text, const std::string& today,
                                               const IgnoreWarn& warn) {
    std::optional<IgnoreComment> ic = parse_ignore_comment(text);
    if (!ic) {
        return std::nullopt;
    }
    for (const IgnoreComment::Token& p : ic->problems) {
        warn(p.offset, p.text);
    }
    IgnoreRules out;
    out.whole_file = ic->whole_file;
    std::vector<std::string> written;
    for (const IgnoreComment::Token& id : ic->ids) {
        if (util::iequals(id.text, "all")) {
            warn(id.offset,
                 "'all' is not accepted in an ignore: name the rule ids (an ignore-all would also "
                 "hide rules added later)");
            continue;
        }
        std::vector<std::string> ids = resolved_rule_id(id.text);
        if (ids.empty()) {
            // hadolint ids bulwark has no equivalent for are normal in a file linted by both tools.
            if (ic->tool == IgnoreComment::Tool::bulwark ||
                util::starts_with(util::to_upper(id.text), "BD")) {
                warn(id.offset, fmt::format("unknown rule id '{}' in ignore comment", id.text));
            }
            continue;
        }
        written.push_back(id.text);
        for (std::string& rule_id : ids) {
            out.rules.push_back(IgnoreRules::Rule{std::move(rule_id), label_for(*ic, id.text)});
        }
    }
    if (out.rules.empty()) {
        return std::nullopt;
    }
    if (!ic->until.text.empty()) {
        if (!config::is_date(ic->until.text)) {
            warn(ic->until.offset,
                 fmt::format("until={} is not a date (YYYY-MM-DD); the ignore is not applied",
                             ic->until.text));
            return std::nullopt;
        }
        if (!today.empty() && ic->until.text < today) {
            std::string ids;
            for (const std::string& w : written) {
                ids += ids.empty() ? "" : ", ";
                ids += w;
            }
            warn(ic->until.offset, fmt::format("ignore for {} expired on {}; the finding is reported again",
                                               ids, ic->until.text));
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace bulwark::engine
