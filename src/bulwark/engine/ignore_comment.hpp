#pragma once
// The syntax of ignore comments: `# bulwark ignore=...`, `# bulwark ignore-file=...`,
// `# bulwark global ignore=...` and hadolint's `# hadolint [global] ignore=...`.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::engine {

/// One ignore comment, parsed. Offsets are byte offsets into the text given to parse_ignore_comment.
struct IgnoreComment {
    enum class Tool { bulwark, hadolint };
    struct Token {
        std::string text;
        size_t offset = 0;
    };
    Tool tool = Tool::bulwark;
    bool whole_file = false;      // ignore-file= or global ignore=
    std::vector<Token> ids;       // as written, in order
    std::string reason;           // reason="..." (quotes removed)
    Token until;                  // until=YYYY-MM-DD; empty text when absent
    std::vector<Token> problems;  // warnings about the comment's syntax: message and where
};

/// Parses the text of a comment (after '#'). nullopt when it is not an ignore comment at all (prose,
/// other hadolint pragmas such as `hadolint shell=...`); a malformed bulwark ignore comes back with
/// `problems` so that a typo is reported rather than silently ignored.
std::optional<IgnoreComment> parse_ignore_comment(std::string_view text);

/// What a valid ignore comment suppresses: rule ids with the label shown on suppressed findings.
struct IgnoreRules {
    struct Rule {
        std::string id;
        std::string label;  // "inline: reason", "file", "hadolint: DL3008"
    };
    std::vector<Rule> rules;
    bool whole_file = false;
};

/// Whether comment `text` (after '#') starts with the word `bulwark` or `hadolint` in any case: a cheap
/// test that lets callers skip the full reading of the many comments that are not directives.
bool may_be_ignore_comment(std::string_view text);

/// Receives a warning at byte `offset` of the comment text.
using IgnoreWarn = std::function<void(size_t offset, std::string message)>;

/// Parses and validates comment `text` (after '#') for every input kind: warns about syntax problems,
/// `all`, unknown rule ids (hadolint ids without an equivalent are fine), a malformed or past `until`
/// (`today` is YYYY-MM-DD). nullopt when the comment is not an ignore or suppresses nothing; the
/// caller decides what the ignore covers (the next instruction, key or command, or the file).
std::optional<IgnoreRules> read_ignore_comment(std::string_view text, const std::string& today,
                                               const IgnoreWarn& warn);

}  // namespace bulwark::engine
