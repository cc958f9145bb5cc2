// docker run lines in shell scripts and in files that embed shell (Makefiles, CI YAML, Markdown).
#include "bulwark/input/run/script.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <set>

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include "bulwark/input/shell/parser.hpp"
#include "bulwark/model/expand.hpp"
#include "bulwark/model/shell_query.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::run {

namespace {

namespace sh = model::shell;

/// Builds a MappedText byte by byte, starting a new piece where the source is not contiguous.
class TextBuilder {
  public:
    void add(char c, size_t source_offset) {
        auto src = static_cast<uint32_t>(source_offset);
        if (m_text.pieces.empty() || src != m_next) {
            m_text.pieces.push_back(
                model::MappedText::Piece{static_cast<uint32_t>(m_text.value.size()), src});
        }
        m_text.value += c;
        m_next = src + 1;
    }
    void add(std::string_view s, size_t source_offset) {
        for (size_t i = 0; i < s.size(); ++i) {
            add(s[i], source_offset + i);
        }
    }
    bool empty() const { return m_text.value.empty(); }
    model::MappedText take() {
        model::MappedText t = std::move(m_text);
        m_text = {};
        m_next = 0;
        return t;
    }

  private:
    model::MappedText m_text;
    uint32_t m_next = 0;
};

struct Line {
    std::string_view text;  // without the newline (and without a trailing '\r')
    size_t begin = 0;
    size_t newline = 0;  // offset of the '\n' (or the end of the text)
};

std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        size_t end = nl == std::string_view::npos ? text.size() : nl;
        std::string_view l = text.substr(pos, end - pos);
        if (!l.empty() && l.back() == '\r') {
            l.remove_suffix(1);
        }
        out.push_back(Line{l, pos, end});
        if (nl == std::string_view::npos) {
            break;
        }
        pos = nl + 1;
    }
    return out;
}

/// Shell variables a script has set so far (name -> value or unknown).
class ShellVars {
  public:
    /// The value of raw word text `raw` after expansion; unknown when it depends on anything not
    /// resolved statically (command substitution, positional or special parameters, unknown names).
    model::Value resolve(std::string_view raw) const {
        model::Value unknown{std::string(raw), false, {}, {}};
        if (raw.find("$(") != std::string_view::npos || raw.find('`') != std::string_view::npos ||
            raw.find("${{") != std::string_view::npos) {
            return unknown;
        }
        for (size_t i = 0; i + 1 < raw.size(); ++i) {
            if (raw[i] != '$') {
                continue;
            }
            char n = raw[i + 1] == '{' && i + 2 < raw.size() ? raw[i + 2] : raw[i + 1];
            if (std::string_view("0123456789@*#?!$-").find(n) != std::string_view::npos) {
                return unknown;
            }
        }
        model::VarScope scope = m_vars;
        for (const std::string& name : model::referenced_variables(raw)) {
            if (scope.find(name) == scope.end()) {
                scope[name] = model::Value{"", false, {name}, {}};
            }
        }
        model::Value v = model::expand(raw, scope);
        if (!v.error.empty()) {
            return unknown;
        }
        return v;
    }

    void set(const std::string& name, model::Value v) { m_vars[name] = std::move(v); }
    void forget(const std::string& name) { m_vars[name] = model::Value{"", false, {name}, {}}; }

  private:
    model::VarScope m_vars;
};

bool at_top_level(const sh::Command& c) {
    return c.depth == 0 && !c.in_function && !c.in_condition && !c.in_substitution &&
           c.next != sh::Connector::background;
}

std::string_view raw_text(const model::MappedText& script, const sh::Word& w) {
    return std::string_view(script.value).substr(w.begin, w.end - w.begin);
}

void assign(const model::MappedText& script, const sh::Word& w, bool top, ShellVars& vars) {
    size_t eq = w.value.find('=');
    if (eq == std::string::npos || eq == 0) {
        return;
    }
    std::string name = w.value.substr(0, eq);
    if (name.back() == '+') {
        vars.forget(name.substr(0, name.size() - 1));  // NAME+=x appends: not followed
        return;
    }
    std::string_view raw = raw_text(script, w);
    size_t raw_eq = raw.find('=');
    if (!top || raw_eq == std::string_view::npos) {
        vars.forget(name);
        return;
    }
    vars.set(name, vars.resolve(raw.substr(raw_eq + 1)));
}

/// Tracks what a command does to shell variables.
void track_variables(const model::MappedText& script, const sh::Command& c, ShellVars& vars) {
    bool top = at_top_level(c);
    if (c.argv.empty()) {
        for (const sh::Word& a : c.assignments) {
            assign(script, a, top, vars);
        }
        return;
    }
    std::string_view name = sh::command_name(c);
    if (sh::is_declaration_builtin(name)) {
        for (size_t i = 1; i < c.argv.size(); ++i) {
            const sh::Word& w = c.argv[i];
            if (!w.value.empty() && w.value.front() != '-') {
                assign(script, w, top && name != "local", vars);
            }
        }
    } else if (name == "read" || name == "unset" || name == "mapfile" || name == "getopts") {
        for (size_t i = 1; i < c.argv.size(); ++i) {
            if (!c.argv[i].value.empty() && c.argv[i].value.front() != '-') {
                vars.forget(c.argv[i].value);
            }
        }
    }
}

ArgWord to_arg(const model::MappedText& script, const sh::Word& w, const ShellVars& vars) {
    ArgWord a;
    a.range = script.source_range(w.begin, w.end);
    std::string_view raw = raw_text(script, w);
    bool contiguous = a.range.end - a.range.begin == w.end - w.begin;
    if (!w.dynamic) {
        a.value = w.value;
    } else {
        model::Value v = vars.resolve(raw);
        a.known = v.known;
        a.value = v.known ? v.text : w.value;
    }
    a.verbatim = contiguous && raw == a.value;
    return a;
}

/// `docker network create [--internal] NAME`: a network of the project.
void network_create(std::span<const ArgWord> args, const util::SourcePtr& file,
                    model::ContainerProject& project) {
    static constexpr std::string_view k_values[] = {
        "-d",      "--driver", "--subnet",      "--gateway",     "--ip-range", "-o",           "--opt",
        "--label", "--scope",  "--aux-address", "--ipam-driver", "--ipam-opt", "--config-from"};
    model::NetworkSpec net;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string_view v = args[i].value;
        if (v == "--internal" || v == "--internal=true") {
            net.internal.value = true;
            net.internal.set = true;
            net.internal.origin = model::Origin{file, args[i].range};
        } else if (!v.empty() && v.front() == '-') {
            if (v.find('=') == std::string_view::npos &&
                std::find(std::begin(k_values), std::end(k_values), v) != std::end(k_values)) {
                ++i;
            }
        } else {
            net.name = args[i].value;
            net.origin = model::Origin{file, args[i].range};
        }
    }
    if (!net.name.empty()) {
        project.networks[net.name] = std::move(net);
    }
}

}  // namespace

model::MappedText locate_scalar(std::string_view text, size_t pos, const std::string& value) {
    model::MappedText out;
    out.value = value;
    if (pos < text.size()) {
        bool quoted = text[pos] == '"' || text[pos] == '\'';
        size_t at = quoted ? pos + 1 : pos;
        if (text.substr(at, value.size()) == value) {
            out.pieces.push_back({0, static_cast<uint32_t>(at)});
            return out;
        }
    }
    // A block scalar (`run: |`): its lines are the file's next lines without their indentation.
    TextBuilder b;
    size_t line_start = text.find('\n', pos);
    bool ok = line_start != std::string_view::npos;
    line_start = ok ? line_start + 1 : 0;
    size_t vpos = 0;
    while (ok && vpos < value.size()) {
        size_t vnl = value.find('\n', vpos);
        std::string_view l =
            std::string_view(value).substr(vpos, (vnl == std::string::npos ? value.size() : vnl) - vpos);
        if (line_start > text.size()) {
            ok = false;
            break;
        }
        size_t fnl = text.find('\n', line_start);
        size_t fend = fnl == std::string_view::npos ? text.size() : fnl;
        std::string_view f = text.substr(line_start, fend - line_start);
        if (!f.empty() && f.back() == '\r') {
            f.remove_suffix(1);
        }
        if (l.empty()) {
            ok = util::trim(f).empty();
        } else {
            ok = f.size() >= l.size() && util::ends_with(f, l) &&
                 util::trim(f.substr(0, f.size() - l.size())).empty();
            if (ok) {
                b.add(l, line_start + f.size() - l.size());
            }
        }
        if (vnl == std::string::npos) {
            break;
        }
        b.add('\n', fend);
        vpos = vnl + 1;
        line_start = fend + 1;
    }
    if (ok && !b.empty()) {
        model::MappedText m = b.take();
        if (m.value == value) {
            return m;
        }
    }
    out.pieces.push_back({0, static_cast<uint32_t>(std::min(pos, text.size()))});
    return out;
}

namespace {

void collect_scalars(const YAML::Node& node, std::string_view text, std::vector<model::MappedText>& out,
                     int depth = 0) {
    if (depth > 16) {
        return;
    }
    if (node.IsScalar()) {
        out.push_back(locate_scalar(text, static_cast<size_t>(std::max(0, node.Mark().pos)), node.Scalar()));
    } else if (node.IsSequence()) {
        for (const YAML::Node& child : node) {
            collect_scalars(child, text, out, depth + 1);
        }
    }
}

}  // namespace

ScriptFlavor flavor_for_path(std::string_view path) {
    size_t slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    std::string lower = util::to_lower(name);
    if (lower == "makefile" || lower == "gnumakefile" || util::ends_with(lower, ".mk")) {
        return ScriptFlavor::makefile;
    }
    if (lower == ".gitlab-ci.yml" || lower == ".gitlab-ci.yaml") {
        return ScriptFlavor::gitlab_ci;
    }
    if (util::ends_with(lower, ".md") || util::ends_with(lower, ".markdown")) {
        return ScriptFlavor::markdown;
    }
    if ((util::ends_with(lower, ".yml") || util::ends_with(lower, ".yaml")) &&
        (path.find(".github/workflows/") != std::string_view::npos)) {
        return ScriptFlavor::github_actions;
    }
    return ScriptFlavor::shell;
}

void runs_in_shell(const model::MappedText& script, const util::SourcePtr& file, ScriptScan& out) {
    sh::Script s = input::shell::parse(script.value);
    size_t containers_before = out.project.containers.size();
    ShellVars vars;
    for (const sh::Command& c : s.commands) {
        std::span<const sh::Word> argv = sh::effective_argv(c);
        if (!argv.empty()) {
            std::string_view prog = sh::basename(argv[0].value);
            if (prog == "docker" || prog == "docker.exe" || prog == "podman" || prog == "nerdctl") {
                std::vector<ArgWord> words;
                words.reserve(argv.size());
                for (const sh::Word& w : argv) {
                    words.push_back(to_arg(script, w, vars));
                }
                if (std::optional<size_t> start = run_arguments_start(words)) {
                    std::span<const ArgWord> args = std::span<const ArgWord>(words).subspan(*start);
                    RunLine line = parse_run_arguments(args, file, words[0].range, words[*start - 1].value);
                    out.project.containers.push_back(std::move(line.spec));
                    out.warnings.insert(out.warnings.end(), line.warnings.begin(), line.warnings.end());
                } else if (words.size() >= 3 && words[1].value == "network" && words[2].value == "create") {
                    network_create(std::span<const ArgWord>(words).subspan(3), file, out.project);
                }
            }
        }
        track_variables(script, c, vars);
    }
    // Syntax problems matter only where a docker command was found: bulwark is not a shell linter.
    if (out.project.containers.size() > containers_before) {
        for (const sh::Script::Error& e : s.errors) {
            size_t b = std::min<size_t>(e.offset, script.value.size());
            out.warnings.push_back(RunWarning{script.source_range(b, std::min(b + 1, script.value.size())),
                                              "shell: " + e.message});
        }
    }
}

namespace {

/// Makefile variables with one literal definition (`NAME = value`, `NAME := value`, `export NAME =
/// value`); a variable defined twice, with `?=`/`+=`, or whose value refers to others is left out.
std::map<std::string, std::string, std::less<>> make_variables(const std::vector<Line>& lines) {
    std::map<std::string, std::string, std::less<>> vars;
    std::set<std::string, std::less<>> unusable;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string_view l = lines[i].text;
        if (!l.empty() && l.front() == '\t') {
            continue;
        }
        l = util::trim(l);
        if (util::starts_with(l, "export ") || util::starts_with(l, "override ")) {
            l = util::trim(l.substr(l.find(' ')));
        }
        size_t eq = l.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            continue;
        }
        size_t name_end = eq;
        char op = l[eq - 1];
        bool conditional = op == '?' || op == '+';
        while (name_end > 0 && (l[name_end - 1] == ':' || l[name_end - 1] == '?' || l[name_end - 1] == '+')) {
            --name_end;
        }
        std::string name(util::trim(l.substr(0, name_end)));
        bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
        });
        if (!valid) {
            continue;
        }
        std::string_view value = util::trim(l.substr(eq + 1));
        if (conditional || vars.count(name) != 0 || value.find('$') != std::string_view::npos ||
            util::ends_with(value, "\\")) {
            unusable.insert(name);
            continue;
        }
        vars[name] = std::string(value);
    }
    for (const std::string& n : unusable) {
        vars.erase(n);
    }
    return vars;
}

}  // namespace

std::vector<model::MappedText> makefile_recipes(std::string_view text) {
    std::vector<model::MappedText> out;
    std::vector<Line> lines = lines_of(text);
    std::map<std::string, std::string, std::less<>> vars = make_variables(lines);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].text.empty() || lines[i].text.front() != '\t') {
            continue;
        }
        TextBuilder b;
        bool first = true;
        while (i < lines.size()) {
            std::string_view l = lines[i].text;
            size_t k = !l.empty() && l.front() == '\t' ? 1 : 0;
            if (first) {
                while (k < l.size() &&
                       (l[k] == '@' || l[k] == '-' || l[k] == '+' || l[k] == ' ' || l[k] == '\t')) {
                    ++k;
                }
            }
            for (; k < l.size(); ++k) {
                if (l[k] == '$' && k + 1 < l.size() && (l[k + 1] == '(' || l[k + 1] == '{')) {
                    // $(NAME) of a variable with one literal definition: its value, mapped onto the
                    // reference. Anything else stays as written (the shell sees an unknown expansion).
                    size_t close = l.find(l[k + 1] == '(' ? ')' : '}', k + 2);
                    auto it = close == std::string_view::npos ? vars.end()
                                                              : vars.find(l.substr(k + 2, close - k - 2));
                    if (it != vars.end()) {
                        for (size_t j = 0; j < it->second.size(); ++j) {
                            b.add(it->second[j], lines[i].begin + k + std::min(j, close - k));
                        }
                        k = close;
                        continue;
                    }
                }
                b.add(l[k], lines[i].begin + k);
                if (l[k] == '$' && k + 1 < l.size() && l[k + 1] == '$') {
                    ++k;  // make's `$$` is the shell's `$`
                }
            }
            first = false;
            if (!util::ends_with(l, "\\") || i + 1 >= lines.size()) {
                break;
            }
            b.add('\n', lines[i].newline);
            ++i;
        }
        out.push_back(b.take());
    }
    return out;
}

namespace {
/// True when `line` closes a fence of at least `len` `fence` characters (up to 3 spaces indent).
bool closes_fence(std::string_view line, char fence, size_t len) {
    size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || indent > 3) {
        return false;
    }
    std::string_view t = line.substr(indent);
    size_t n = t.find_first_not_of(fence);
    n = n == std::string_view::npos ? t.size() : n;
    return n >= len && util::trim(t.substr(n)).empty();
}
}  // namespace

std::vector<model::MappedText> markdown_blocks(std::string_view text) {
    std::vector<model::MappedText> out;
    std::vector<Line> lines = lines_of(text);
    bool in_block = false;
    bool wanted = false;
    bool console = false;
    bool continued = false;
    char fence = 0;
    size_t fence_len = 0;
    TextBuilder b;
    for (const Line& line : lines) {
        std::string_view l = line.text;
        size_t indent = l.find_first_not_of(' ');
        std::string_view t = indent == std::string_view::npos ? std::string_view{} : l.substr(indent);
        if (!in_block) {
            if (indent <= 3 && t.size() >= 3 && (t[0] == '`' || t[0] == '~')) {
                size_t n = t.find_first_not_of(t[0]);
                n = n == std::string_view::npos ? t.size() : n;
                if (n >= 3) {
                    std::string_view info = util::trim(t.substr(n));
                    std::string lang = util::to_lower(info.substr(0, info.find_first_of(" \t{,")));
                    in_block = true;
                    fence = t[0];
                    fence_len = n;
                    console = lang == "console" || lang == "shell-session" || lang == "terminal";
                    wanted = console || lang == "sh" || lang == "bash" || lang == "shell" || lang == "zsh";
                    continued = false;
                }
            }
            continue;
        }
        if (closes_fence(l, fence, fence_len)) {
            in_block = false;
            if (wanted && !b.empty()) {
                out.push_back(b.take());
            }
            b.take();
            continue;
        }
        if (!wanted) {
            continue;
        }
        size_t skip = 0;
        size_t ws = l.find_first_not_of(" \t");
        if (ws != std::string_view::npos && util::starts_with(l.substr(ws), "$ ")) {
            skip = ws + 2;
        } else if (console && !continued) {
            continue;  // command output
        }
        b.add(l.substr(skip), line.begin + skip);
        b.add('\n', line.newline);
        continued = util::ends_with(l, "\\");
    }
    if (in_block && wanted && !b.empty()) {
        out.push_back(b.take());
    }
    return out;
}

std::vector<model::MappedText> ci_scripts(std::string_view text, bool gitlab,
                                          std::vector<RunWarning>& warnings) {
    std::vector<model::MappedText> out;
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        auto pos = static_cast<uint32_t>(std::clamp<int>(e.mark.pos, 0, static_cast<int>(text.size())));
        warnings.push_back(RunWarning{model::Range{pos, pos}, "YAML: " + e.msg});
        return out;
    }
    try {
        if (!root.IsMap()) {
            return out;
        }
        if (gitlab) {
            auto scripts_of = [&](const YAML::Node& job) {
                for (const char* key : {"before_script", "script", "after_script"}) {
                    if (const YAML::Node n = job[key]) {
                        collect_scalars(n, text, out);
                    }
                }
            };
            scripts_of(root);
            for (const auto& kv : root) {
                if (kv.second.IsMap()) {
                    scripts_of(kv.second);
                }
            }
        } else if (const YAML::Node jobs = root["jobs"]; jobs && jobs.IsMap()) {
            for (const auto& job : jobs) {
                const YAML::Node steps = job.second.IsMap() ? job.second["steps"] : YAML::Node();
                if (!steps || !steps.IsSequence()) {
                    continue;
                }
                for (const YAML::Node& step : steps) {
                    if (!step.IsMap() || !step["run"] || !step["run"].IsScalar()) {
                        continue;
                    }
                    if (const YAML::Node shell = step["shell"]; shell && shell.IsScalar()) {
                        std::string s = util::to_lower(shell.Scalar());
                        if (s == "pwsh" || s == "powershell" || s == "python" || s == "cmd") {
                            continue;
                        }
                    }
                    collect_scalars(step["run"], text, out);
                }
            }
        }
    } catch (const YAML::Exception& e) {
        warnings.push_back(RunWarning{model::Range{0, 0}, "YAML: " + e.msg});
    }
    return out;
}

ScriptScan scan_script_file(const util::SourcePtr& file, ScriptFlavor flavor) {
    ScriptScan out;
    out.project.files.push_back(file);
    std::string_view text = file->text();
    std::vector<model::MappedText> scripts;
    switch (flavor) {
        case ScriptFlavor::shell: {
            model::MappedText whole;
            whole.value = std::string(text);
            whole.pieces.push_back({0, 0});
            scripts.push_back(std::move(whole));
            break;
        }
        case ScriptFlavor::makefile:
            scripts = makefile_recipes(text);
            break;
        case ScriptFlavor::markdown:
            scripts = markdown_blocks(text);
            break;
        case ScriptFlavor::github_actions:
        case ScriptFlavor::gitlab_ci:
            scripts = ci_scripts(text, flavor == ScriptFlavor::gitlab_ci, out.warnings);
            break;
    }
    for (const model::MappedText& s : scripts) {
        runs_in_shell(s, file, out);
    }
    if (flavor == ScriptFlavor::github_actions) {
        actions_containers(file, out);
    }
    return out;
}

}  // namespace bulwark::input::run
