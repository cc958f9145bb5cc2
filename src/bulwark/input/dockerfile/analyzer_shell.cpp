// RUN instructions as shell programs: shell form, heredoc scripts, `sh -c` in exec form, and a
// synthetic command for other exec forms so that rules see every program a build runs.
#include <algorithm>
#include <string>
#include <vector>

#include "bulwark/input/dockerfile/analyzer_detail.hpp"
#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/input/shell/parser.hpp"
#include "bulwark/model/user.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::dockerfile::analysis {

namespace {

using model::MappedText;

using detail::append_mapped;

/// Appends `text` (keeping its own mapping).
void append_text(MappedText& out, const MappedText& text) {
    auto shift = static_cast<uint32_t>(out.value.size());
    for (const MappedText::Piece& p : text.pieces) {
        out.pieces.push_back({p.text_offset + shift, p.source_offset});
    }
    out.value += text.value;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool read_hex4(std::string_view s, size_t pos, uint32_t& out) {
    if (pos + 4 > s.size()) {
        return false;
    }
    out = 0;
    for (size_t k = 0; k < 4; ++k) {
        int h = hex_value(s[pos + k]);
        if (h < 0) {
            return false;
        }
        out = out * 16 + static_cast<uint32_t>(h);
    }
    return true;
}

/// Decodes the JSON string body `raw` (between the quotes, starting at source offset `base`).
/// False on anything that is not a plain JSON string on one line.
bool decode_json(std::string_view raw, uint32_t base, MappedText& out) {
    size_t i = 0;
    while (i < raw.size()) {
        char c = raw[i];
        auto at = static_cast<uint32_t>(base + i);
        if (c == '\n' || c == '"') {
            return false;
        }
        if (c != '\\') {
            size_t j = i;
            while (j < raw.size() && raw[j] != '\\' && raw[j] != '"' && raw[j] != '\n') {
                ++j;
            }
            append_mapped(out, raw.substr(i, j - i), at);
            i = j;
            continue;
        }
        if (i + 1 >= raw.size()) {
            return false;
        }
        char e = raw[i + 1];
        std::string decoded;
        size_t used = 2;
        switch (e) {
            case '"':
                decoded = "\"";
                break;
            case '\\':
                decoded = "\\";
                break;
            case '/':
                decoded = "/";
                break;
            case 'b':
                decoded = "\b";
                break;
            case 'f':
                decoded = "\f";
                break;
            case 'n':
                decoded = "\n";
                break;
            case 'r':
                decoded = "\r";
                break;
            case 't':
                decoded = "\t";
                break;
            case 'u': {
                uint32_t cp = 0;
                if (!read_hex4(raw, i + 2, cp)) {
                    return false;
                }
                used = 6;
                uint32_t low = 0;
                if (cp >= 0xD800 && cp < 0xDC00 && i + 12 <= raw.size() && raw[i + 6] == '\\' &&
                    raw[i + 7] == 'u' && read_hex4(raw, i + 8, low) && low >= 0xDC00 && low < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    used = 12;
                }
                util::append_utf8(decoded, cp);
                break;
            }
            default:
                return false;
        }
        // Every byte of an escape maps to the escape's backslash.
        for (char d : decoded) {
            auto text_offset = static_cast<uint32_t>(out.value.size());
            out.pieces.push_back({text_offset, at});
            out.value += d;
        }
        i += used;
    }
    return true;
}

/// Index of the program in a shell argv, skipping `env`, its options and NAME=value
/// (`/usr/bin/env bash` -> 1); argv.size() when there is none.
size_t program_index(const std::vector<std::string>& argv) {
    for (size_t i = 0; i < argv.size(); ++i) {
        std::string_view a = argv[i];
        size_t slash = a.find_last_of('/');
        std::string_view base = slash == std::string_view::npos ? a : a.substr(slash + 1);
        if (base == "env" && i == 0) {
            continue;
        }
        if (i > 0 && (a.empty() || a[0] == '-' || a.find('=') != std::string_view::npos)) {
            continue;
        }
        return i;
    }
    return argv.size();
}

std::string_view shell_program(const std::vector<std::string>& argv) {
    size_t i = program_index(argv);
    return i < argv.size() ? std::string_view(argv[i]) : std::string_view();
}

/// Interpreter named by a `#!` first line (`#!/usr/bin/env python3` -> "python3"); "" if none.
std::string shebang_interpreter(std::string_view body) {
    if (!util::starts_with(body, "#!")) {
        return {};
    }
    std::string_view line = body.substr(
        2, body.find('\n') == std::string_view::npos ? std::string_view::npos : body.find('\n') - 2);
    std::vector<std::string> words;
    for (std::string_view w : util::split(util::trim(line), ' ')) {
        if (!w.empty()) {
            words.emplace_back(w);
        }
    }
    return std::string(shell_program(words));
}

/// BuildKit's heredoc word: `^(\d*)<<(-?)([^<]*)$`.
bool is_heredoc_token(std::string_view w) {
    size_t i = 0;
    while (i < w.size() && w[i] >= '0' && w[i] <= '9') {
        ++i;
    }
    if (w.substr(i, 2) != "<<") {
        return false;
    }
    std::string_view rest = w.substr(i + 2);
    if (!rest.empty() && rest[0] == '-') {
        rest.remove_prefix(1);
    }
    return !rest.empty() && rest.find('<') == std::string_view::npos;
}

std::vector<std::string_view> blank_split(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
            ++i;
        }
        size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') {
            ++i;
        }
        if (i > start) {
            out.push_back(s.substr(start, i - start));
        }
    }
    return out;
}

/// True when the heredoc bodies are the programs: `RUN <<EOF` (only heredoc words) or
/// `RUN bash -ex <<EOF` (a shell with options reading its script from the heredoc).
bool heredocs_are_scripts(std::string_view args) {
    std::vector<std::string_view> words = blank_split(args);
    if (words.empty()) {
        return false;
    }
    size_t i = 0;
    if (!is_heredoc_token(words[0])) {
        if (!model::is_posix_shell_program(words[0])) {
            return false;
        }
        i = 1;
        while (i < words.size() && words[i].size() > 1 && words[i][0] == '-' &&
               words[i].find('c') == std::string_view::npos) {
            ++i;
        }
    }
    if (i == words.size()) {
        return false;
    }
    for (; i < words.size(); ++i) {
        if (!is_heredoc_token(words[i])) {
            return false;
        }
    }
    return true;
}

/// Adds a body whose script is parsed from `text` (copied or moved into place, once); pipefail
/// from the SHELL applies from its start.
template <typename Text>
void add_body(model::Instruction& inst, Text&& text, int heredoc, bool pipefail) {
    model::ShellBody& body = inst.shell.emplace_back();
    body.text = std::forward<Text>(text);
    body.heredoc = heredoc;
    body.script = shell::parse_remembered(body.text.value);
    if (pipefail) {
        if (body.script.scopes.empty()) {
            body.script.scopes.emplace_back();
        }
        body.script.scopes.front().pipefail = true;
    }
}

void shell_form_bodies(model::Instruction& inst) {
    bool pipefail = inst.pipefail_by_shell();
    if (inst.heredocs.empty()) {
        add_body(inst, inst.args, -1, pipefail);
        return;
    }
    if (heredocs_are_scripts(inst.args.value)) {
        for (size_t h = 0; h < inst.heredocs.size(); ++h) {
            const model::Heredoc& doc = inst.heredocs[h];
            std::string interpreter = shebang_interpreter(doc.body.value);
            if (!interpreter.empty() && !model::is_posix_shell_program(interpreter)) {
                continue;  // a Python (or other) script, not shell
            }
            add_body(inst, doc.body, static_cast<int>(h), pipefail);
        }
        return;
    }
    // The arguments are the program and the heredocs are its input (`cat <<EOF > file`): the shell
    // sees the bodies after the command line, as BuildKit hands it the whole text.
    MappedText text = inst.args;
    uint32_t after_args = text.pieces.empty() ? inst.range.begin : text.to_source(text.value.size());
    append_mapped(text, "\n", after_args);
    for (const model::Heredoc& doc : inst.heredocs) {
        append_text(text, doc.body);
        if (!text.value.empty() && text.value.back() != '\n') {
            append_mapped(text, "\n", doc.range.begin);
        }
        append_mapped(text, doc.delimiter, doc.range.begin);
        append_mapped(text, "\n", doc.range.end);
    }
    add_body(inst, std::move(text), -1, pipefail);
}

void exec_form_bodies(const util::SourceFile& source, model::Instruction& inst) {
    if (inst.json.empty()) {
        return;
    }
    std::vector<std::string> argv;
    argv.reserve(inst.json.size());
    for (const model::JsonArg& a : inst.json) {
        argv.push_back(a.value);
    }
    size_t program = program_index(argv);
    if (program < argv.size() && model::is_posix_shell_program(argv[program])) {
        // ["sh", "-c", "script"], ["bash", "-o", "pipefail", "-ec", "script"]: the script is the
        // element after the option group that holds `c`.
        for (size_t i = program + 1; i < argv.size(); ++i) {
            const std::string& a = argv[i];
            if ((a == "-o" || a == "+o") && i + 1 < argv.size()) {
                ++i;
                continue;
            }
            if (a.size() < 2 || (a[0] != '-' && a[0] != '+')) {
                break;
            }
            if (a[0] == '-' && a[1] != '-' && a.find('c') != std::string::npos) {
                if (i + 1 < argv.size()) {
                    std::vector<std::string> prefix(argv.begin(),
                                                    argv.begin() + static_cast<std::ptrdiff_t>(i) + 1);
                    add_body(inst, json_string_text(source, inst.json[i + 1]), -1,
                             model::shell_enables_pipefail(prefix));
                }
                return;
            }
        }
    }
    // Any other program: one synthetic command whose words are the elements.
    model::ShellBody body;
    model::shell::Command cmd;
    for (size_t i = 0; i < inst.json.size(); ++i) {
        if (i > 0) {
            append_mapped(body.text, " ", inst.json[i - 1].range.end);
        }
        MappedText element = json_string_text(source, inst.json[i]);
        model::shell::Word w;
        w.value = inst.json[i].value;
        w.begin = static_cast<uint32_t>(body.text.value.size());
        append_text(body.text, element);
        w.end = static_cast<uint32_t>(body.text.value.size());
        cmd.argv.push_back(std::move(w));
    }
    cmd.begin = 0;
    cmd.end = static_cast<uint32_t>(body.text.value.size());
    body.script.commands.push_back(std::move(cmd));
    inst.shell.push_back(std::move(body));
}

}  // namespace

model::MappedText json_string_text(const util::SourceFile& source, const model::JsonArg& arg) {
    MappedText out;
    const std::string& text = source.text();
    if (arg.range.end > arg.range.begin + 1 && arg.range.end <= text.size() && text[arg.range.begin] == '"' &&
        text[arg.range.end - 1] == '"') {
        std::string_view raw =
            std::string_view(text).substr(arg.range.begin + 1, arg.range.end - arg.range.begin - 2);
        if (decode_json(raw, arg.range.begin + 1, out) && out.value == arg.value) {
            return out;
        }
    }
    out = MappedText{};
    append_mapped(out, arg.value, arg.range.begin + 1);
    return out;
}

bool is_root_user(std::string_view user) {
    return model::is_root_user(user);
}

void build_shell_bodies(const util::SourceFile& source, model::Instruction& inst) {
    inst.shell.clear();
    if (inst.kind != model::InstructionKind::run) {
        return;
    }
    if (inst.json_form) {
        exec_form_bodies(source, inst);
        return;
    }
    if (inst.run_shell.empty()) {
        return;
    }
    // The default SHELL first: no lower-cased copy of the program name for most RUNs.
    std::string_view program = shell_program(inst.run_shell);
    if (program != "/bin/sh" && !model::is_posix_shell_program(program)) {
        return;
    }
    shell_form_bodies(inst);
}

}  // namespace bulwark::input::dockerfile::analysis
