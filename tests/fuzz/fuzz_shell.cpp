// libFuzzer target: the shell parser on arbitrary bytes, then every query rules use on the result.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bulwark/input/shell/parser.hpp"
#include "bulwark/model/shell_query.hpp"

#include "fuzz_check.hpp"

namespace sh = bulwark::model::shell;

namespace {

using bulwark::fuzz::check;

void check_word(const sh::Word& w, size_t size) {
    check(w.begin <= w.end && w.end <= size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    sh::Script s = bulwark::input::shell::parse(text);
    size_t seen = 0;
    for (size_t i = 0; i < s.commands.size(); ++i) {
        const sh::Command& c = s.commands[i];
        check(c.begin <= c.end && c.end <= size);
        check(c.parent >= -1 && c.parent < static_cast<int>(i));
        check(c.scope >= 0 && static_cast<size_t>(c.scope) < s.scopes.size());
        check(c.depth >= 0 && c.depth <= 128);
        for (const sh::Word& w : c.assignments) {
            check_word(w, size);
        }
        for (const sh::Word& w : c.argv) {
            check_word(w, size);
            seen += w.value.size();
        }
        for (const sh::Redirect& r : c.redirects) {
            check_word(r.target, size);
            check(r.heredoc < static_cast<int>(s.heredocs.size()));
        }
        std::span<const sh::Word> argv = sh::effective_argv(c);
        seen += sh::program(c).size();
        seen += sh::has_option(argv, "yq", {"yes", "quiet"}, {"-o"}) ? 1 : 0;
        seen += sh::option_value(argv, "o", {"output"}).value_or("").size();
        seen += sh::operands(argv, {"-o"}).size();
        seen += sh::subcommand(argv, {"-o"}).size();
        seen += sh::subcommand_operands(argv, {"-o"}).size();
        if (i < 64) {  // these scan the whole script: keep each input linear
            seen += sh::pipeline_commands(s, c.pipeline).size();
            seen += sh::piped_into(s, i) != nullptr ? 1 : 0;
            seen += s.pipefail_before(i) ? 1 : 0;
        }
    }
    for (const sh::Heredoc& h : s.heredocs) {
        check(h.begin <= h.end && h.end <= size);
    }
    for (const sh::Script::Error& e : s.errors) {
        check(e.offset <= size);
    }
    // The parse memo answers with the same script, whether it parses or copies.
    const sh::Script again = bulwark::input::shell::parse_remembered(text);
    check(again.commands.size() == s.commands.size() && again.errors.size() == s.errors.size());
    for (size_t i = 0; i < s.commands.size(); ++i) {
        check(again.commands[i].begin == s.commands[i].begin && again.commands[i].end == s.commands[i].end &&
              again.commands[i].argv.size() == s.commands[i].argv.size());
    }
    return seen == static_cast<size_t>(-1) ? 1 : 0;
}
