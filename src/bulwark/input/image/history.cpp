#include "bulwark/input/image/history.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "bulwark/input/dockerfile/analyzer.hpp"
#include "bulwark/input/dockerfile/parser.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image {

namespace {

bool is_name_char(char c, bool first) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (!first && c >= '0' && c <= '9');
}

/// True when `token` starts with `NAME=`.
bool starts_assignment(std::string_view token) {
    size_t eq = token.find('=');
    if (eq == 0 || eq == std::string_view::npos) {
        return false;
    }
    for (size_t i = 0; i < eq; ++i) {
        if (!is_name_char(token[i], i == 0)) {
            return false;
        }
    }
    return true;
}

/// `A=b c D=e` -> {"A=b c", "D=e"}: the builder writes values unquoted, so a token that does not
/// start a new NAME= continues the previous value.
std::vector<std::string> split_assignments(std::string_view text) {
    std::vector<std::string> out;
    for (std::string_view token : util::split(text, ' ')) {
        if (token.empty()) {
            continue;
        }
        if (starts_assignment(token) || out.empty()) {
            out.emplace_back(token);
        } else {
            out.back() += " ";
            out.back() += token;
        }
    }
    return out;
}

/// `NAME="value"` with the value's `"`, `\` and `$` escaped (history values are literal).
std::string quoted_pair(std::string_view assignment) {
    size_t eq = assignment.find('=');
    if (eq == std::string_view::npos) {
        return std::string(assignment);
    }
    std::string out(assignment.substr(0, eq + 1));
    out += '"';
    for (char c : assignment.substr(eq + 1)) {
        if (c == '"' || c == '\\' || c == '$') {
            out += '\\';
        }
        out += c;
    }
    out += '"';
    return out;
}

/// A shell invocation `[path/]sh [options] -c COMMAND`: the command, or nullopt.
std::optional<std::string_view> shell_command(std::string_view text) {
    size_t sp = text.find(' ');
    std::string_view program = text.substr(0, sp);
    std::string_view base =
        program.substr(program.rfind('/') == std::string_view::npos ? 0 : program.rfind('/') + 1);
    if (sp == std::string_view::npos || (base != "sh" && base != "bash" && base != "ash" && base != "dash" &&
                                         base != "zsh" && base != "ksh")) {
        return std::nullopt;
    }
    std::string_view rest = text.substr(sp + 1);
    // Options up to -c (`-o pipefail -c`, `-eux -c`, `-ec`).
    while (!rest.empty()) {
        size_t end = rest.find(' ');
        std::string_view opt = rest.substr(0, end);
        if (opt.empty() || opt[0] != '-') {
            return std::nullopt;
        }
        std::string_view after = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (opt.size() > 1 && opt[1] != '-' && opt.find('c') != std::string_view::npos && opt != "-o") {
            return after;
        }
        rest = after;
        if (opt == "-o" || opt == "+o") {  // -o pipefail: skip the option's value
            size_t e = rest.find(' ');
            rest = e == std::string_view::npos ? std::string_view() : rest.substr(e + 1);
        }
    }
    return std::nullopt;
}

std::string run_line(std::string_view command) {
    command = util::trim(command);
    // A trailing backslash would continue into the next entry's line: use the heredoc form.
    if (command.find('\n') == std::string_view::npos && !util::ends_with(command, "\\")) {
        return "RUN " + std::string(command);
    }
    std::string delim = "BULWARK_HISTORY";
    while (command.find(delim) != std::string_view::npos) {
        delim += "_";
    }
    return "RUN <<'" + delim + "'\n" + std::string(command) + "\n" + delim;
}

/// `|2 A=b C=d REST`: the build arguments and REST.
std::string_view strip_build_args(std::string_view text, std::vector<std::string>& args) {
    if (text.empty() || text[0] != '|') {
        return text;
    }
    size_t sp = text.find(' ');
    if (sp == std::string_view::npos) {
        return text;
    }
    std::string_view count = text.substr(1, sp - 1);
    if (count.empty() || count.find_first_not_of("0123456789") != std::string_view::npos) {
        return text;
    }
    std::string_view rest = text.substr(sp + 1);
    // The assignments end where the shell (or an exec-form command) starts.
    size_t shell_at = std::string_view::npos;
    for (std::string_view marker : {"/bin/", "/usr/bin/", "["}) {
        for (size_t at = rest.find(marker); at != std::string_view::npos; at = rest.find(marker, at + 1)) {
            if (at == 0 || rest[at - 1] == ' ') {
                shell_at = std::min(shell_at, at);
                break;
            }
        }
    }
    if (shell_at == std::string_view::npos) {
        return text;
    }
    args = split_assignments(rest.substr(0, shell_at));
    return rest.substr(shell_at);
}

bool is_keyword(std::string_view word, std::initializer_list<std::string_view> keywords) {
    return std::find(keywords.begin(), keywords.end(), word) != keywords.end();
}

}  // namespace

std::string history_instruction(std::string_view created_by) {
    std::string_view text = util::trim(created_by);
    if (util::ends_with(text, "# buildkit")) {
        text = util::trim(text.substr(0, text.size() - std::string_view("# buildkit").size()));
    }
    std::vector<std::string> args;
    std::string_view keyword;
    if (size_t sp = text.find(' ');
        sp != std::string_view::npos &&
        is_keyword(text.substr(0, sp),
                   {"RUN", "ADD", "COPY", "ENV", "ARG", "USER", "WORKDIR", "SHELL", "CMD", "ENTRYPOINT",
                    "LABEL", "EXPOSE", "VOLUME", "HEALTHCHECK", "STOPSIGNAL", "ONBUILD", "MAINTAINER"})) {
        keyword = text.substr(0, sp);  // BuildKit (and kaniko, buildah): the instruction as written
        text = util::trim(text.substr(sp + 1));
    }
    text = strip_build_args(text, args);
    if (keyword.empty() || keyword == "RUN") {
        if (std::optional<std::string_view> cmd = shell_command(text)) {
            std::string_view c = util::trim(*cmd);
            if (util::starts_with(c, "#(nop)")) {  // classic builder: a non-RUN instruction
                return history_instruction(util::trim(c.substr(6)));
            }
            text = c;
            keyword = "RUN";
        } else if (keyword.empty()) {
            return {};  // Windows `cmd /S /C`, or a tool's free text: not an instruction
        }
    }
    std::string out;
    for (const std::string& a : args) {
        out += "ARG " + quoted_pair(a) + "\n";
    }
    if (keyword == "RUN") {
        return out + run_line(text);
    }
    if (text.find('\n') != std::string_view::npos) {
        return out.empty() ? std::string() : out.substr(0, out.size() - 1);
    }
    if (keyword == "ADD" || keyword == "COPY") {
        // Classic builder: `ADD file:ab12 in /dst`.
        std::string line(text);
        if (size_t in = line.rfind(" in "); in != std::string::npos) {
            line = line.substr(0, in) + " " + std::string(util::trim(std::string_view(line).substr(in + 4)));
        }
        return out + std::string(keyword) + " " + line;
    }
    if (keyword == "ENV" || keyword == "ARG") {
        std::string line(keyword);
        std::vector<std::string> pairs = split_assignments(text);
        bool all_pairs = !pairs.empty() && std::all_of(pairs.begin(), pairs.end(), [](const std::string& p) {
            return starts_assignment(p);
        });
        if (!all_pairs) {
            return out + line + " " + std::string(text);  // legacy `ENV NAME value`, or a bare ARG
        }
        for (const std::string& p : pairs) {
            line += " " + quoted_pair(p);
        }
        return out + line;
    }
    if (keyword == "USER" || keyword == "WORKDIR" || (keyword == "SHELL" && util::starts_with(text, "["))) {
        return out + std::string(keyword) + " " + std::string(text);
    }
    return out.empty() ? std::string() : out.substr(0, out.size() - 1);
}

std::shared_ptr<const model::HistoryDockerfile> build_history_dockerfile(const model::ImageSpec& image) {
    auto result = std::make_shared<model::HistoryDockerfile>();
    std::string text = "FROM scratch\n";
    result->entry_of_line = {-1, -1};  // [0] unused, line 1 is the FROM
    for (size_t i = 0; i < image.history.size(); ++i) {
        std::string lines = history_instruction(image.history[i].created_by);
        size_t count =
            lines.empty() ? 1 : static_cast<size_t>(std::count(lines.begin(), lines.end(), '\n')) + 1;
        text += lines + "\n";
        result->entry_of_line.insert(result->entry_of_line.end(), count, static_cast<int>(i));
    }
    std::string name = (image.name.empty() ? std::string("image") : image.name) + " (history)";
    result->dockerfile = dockerfile::parse(std::make_shared<const util::SourceFile>(name, std::move(text)));
    dockerfile::analyze(result->dockerfile, dockerfile::AnalyzeOptions{});
    return result;
}

}  // namespace bulwark::input::image
