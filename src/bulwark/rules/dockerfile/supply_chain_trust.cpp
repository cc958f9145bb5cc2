// BD034 (TLS verification disabled) and BD035 (unsigned packages allowed): options, environment
// variables and configuration files that turn off the checks downloads rely on.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/model/expand.hpp"
#include "bulwark/rules/ascii.hpp"
#include "bulwark/rules/dockerfile/instructions_common.hpp"
#include "bulwark/rules/dockerfile/packages_commands.hpp"
#include "bulwark/rules/dockerfile/supply_chain_checks.hpp"
#include "bulwark/rules/dockerfile/supply_chain_common.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::supply {

namespace {

namespace shell = model::shell;

// ---------------------------------------------------------------------------------------------
// Environment variables

/// The variables tls_env_problem() knows (upper case; names compare case-insensitively).
constexpr std::string_view k_tls_env_names[] = {"NODE_TLS_REJECT_UNAUTHORIZED",
                                                "GIT_SSL_NO_VERIFY",
                                                "PYTHONHTTPSVERIFY",
                                                "NPM_CONFIG_STRICT_SSL",
                                                "YARN_ENABLE_STRICT_SSL",
                                                "YARN_STRICT_SSL",
                                                "PIP_TRUSTED_HOST",
                                                "GOINSECURE",
                                                "GOFLAGS",
                                                "CONDA_SSL_VERIFY"};

bool is_one_of(std::string_view s, std::span<const std::string_view> names) {
    return std::find(names.begin(), names.end(), s) != names.end();
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> names) {
    return is_one_of(s, std::span<const std::string_view>(names.begin(), names.size()));
}

bool is_tls_env_name(std::string_view name) {
    // The names start with N, G, P, Y or C: most names (PATH aside) stop at the first letter.
    switch (name.empty() ? '\0' : ascii_lower(name[0])) {
        case 'n':
        case 'g':
        case 'p':
        case 'y':
        case 'c':
            break;
        default:
            return false;
    }
    // The size first: util::iequals is a call, and most names are not the size of any known one.
    return std::any_of(std::begin(k_tls_env_names), std::end(k_tls_env_names), [&](std::string_view known) {
        return name.size() == known.size() && util::iequals(name, known);
    });
}

/// Why `name=value` disables TLS verification, or nullopt.
std::optional<std::string> tls_env_problem(std::string_view name, std::string_view value) {
    // `n == "X"` compares the upper-cased name without building it (the names are upper case).
    struct Upper {
        std::string_view name;
        bool operator==(std::string_view upper) const { return util::iequals(name, upper); }
    } n{name};
    std::string_view v = util::trim(value);
    if (n == "NODE_TLS_REJECT_UNAUTHORIZED" && v == "0") {
        return "makes Node.js (npm, yarn, every node process) accept any TLS certificate";
    }
    if (n == "GIT_SSL_NO_VERIFY" && !v.empty()) {
        return "makes git skip TLS certificate checks (git ignores the value: any value disables them)";
    }
    if (n == "PYTHONHTTPSVERIFY" && v == "0") {
        return "makes Python's urllib/http.client skip certificate checks";
    }
    if (n == "NPM_CONFIG_STRICT_SSL" && is_false_value(v)) {
        return "makes npm accept any TLS certificate";
    }
    if ((n == "YARN_ENABLE_STRICT_SSL" || n == "YARN_STRICT_SSL") && is_false_value(v)) {
        return "makes yarn accept any TLS certificate";
    }
    if (n == "PIP_TRUSTED_HOST" && !v.empty()) {
        return fmt::format("makes pip trust {} without TLS verification", v);
    }
    if (n == "GOINSECURE" && !v.empty()) {
        return fmt::format("makes go fetch modules matching {} without TLS verification", v);
    }
    if (n == "GOFLAGS" && v.find("-insecure") != std::string_view::npos) {
        return "makes go get skip TLS verification (-insecure)";
    }
    if (n == "CONDA_SSL_VERIFY" && is_false_value(v)) {
        return "makes conda skip TLS certificate checks";
    }
    return std::nullopt;
}

void check_env_pairs(const model::Dockerfile& df, Reporter& out) {
    for (const model::Instruction& inst : df.instructions) {
        if (inst.kind != model::InstructionKind::env && inst.kind != model::InstructionKind::arg) {
            continue;
        }
        for (const model::KeyValue& kv : inst.pairs) {
            // Only known names can be a problem: skip the others before expanding their values.
            if (!kv.has_value || !is_tls_env_name(kv.key)) {
                continue;
            }
            std::string_view value = kv.value;
            std::string expanded;
            std::string_view raw = kv.value_as_written();
            if (model::refers_to_variables(raw, df.directives.escape)) {
                if (inst.scope == nullptr) {
                    continue;
                }
                model::Value v = model::expand(raw, *inst.scope, df.directives.escape);
                if (!v.known) {
                    continue;
                }
                expanded = std::move(v.text);
                value = expanded;
            }
            if (std::optional<std::string> why = tls_env_problem(kv.key, value)) {
                out.report(kv.key_range,
                           fmt::format("{} {}={} {}", model::keyword_name(inst.kind), kv.key, value, *why),
                           fmt::format("remove {} and trust the needed CA instead (COPY corp-ca.crt "
                                       "/usr/local/share/ca-certificates/ && RUN update-ca-certificates)",
                                       kv.key));
            }
        }
    }
}

/// NAME=value words given to a command: prefixes, `export`/`declare` arguments, `env` arguments.
std::vector<const shell::Word*> assignment_words(const shell::Command& c) {
    std::vector<const shell::Word*> out;
    for (const shell::Word& w : c.assignments) {
        out.push_back(&w);
    }
    if (c.argv.empty()) {
        return out;
    }
    std::string_view first = shell::basename(c.argv[0].value);
    bool declares = first == "export" || first == "declare" || first == "typeset" || first == "readonly";
    if (!declares && first != "env") {
        return out;
    }
    for (size_t i = 1; i < c.argv.size(); ++i) {
        const shell::Word& w = c.argv[i];
        if (util::starts_with(w.value, "-")) {
            continue;
        }
        if (w.value.find('=') == std::string::npos) {
            if (declares) {
                continue;  // export NAME
            }
            break;  // env NAME=1 program: the program starts here
        }
        out.push_back(&w);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Configuration files written by echo/printf/cat <<EOF/tee

struct ConfigWrite {
    std::string target;   // the file written
    std::string content;  // what is written to it
};

/// True for the programs config_writes() reads: echo, printf, cat (asked of every command).
constexpr bool writes_file(std::string_view prog) {
    switch (prog.size()) {
        case 3:
            return prog == "cat";
        case 4:
            return prog == "echo";
        case 6:
            return prog == "printf";
        default:
            return false;
    }
}

/// True when redirection `r` of a command in `s` writes its output to a file (not a here-document).
bool writes_to_file(const shell::Script& s, const shell::Redirect& r) {
    if (r.heredoc >= 0 && static_cast<size_t>(r.heredoc) < s.heredocs.size()) {
        return false;
    }
    return r.op == ">" || r.op == ">>" || r.op == "1>" || r.op == "1>>" || r.op == ">|";
}

/// `facts` are command_facts() of s.commands[index].
std::vector<ConfigWrite> config_writes(const shell::Script& s, size_t index, const CommandFacts& facts) {
    const shell::Command& c = s.commands[index];
    std::string_view prog = facts.program;
    if (!writes_file(prog)) {
        return {};
    }
    // Most echo/printf/cat commands write to the terminal or a pipe: look for a file written
    // (a redirection or `| tee`) before building the content.
    const shell::Command* next = shell::piped_into(s, index);
    const bool tees = next != nullptr && shell::is_command(*next, "tee");
    if (!tees && std::none_of(c.redirects.begin(), c.redirects.end(),
                              [&](const shell::Redirect& r) { return writes_to_file(s, r); })) {
        return {};
    }
    std::string content;
    std::span<const shell::Word> argv = facts.argv;
    if (prog != "cat") {
        for (size_t i = 1; i < argv.size(); ++i) {
            if (i == 1 && (argv[i].value == "-e" || argv[i].value == "-n" || argv[i].value == "-ne")) {
                continue;
            }
            content += argv[i].value + " ";
        }
    }
    std::vector<std::string> targets;
    for (const shell::Redirect& r : c.redirects) {
        if (r.heredoc >= 0 && static_cast<size_t>(r.heredoc) < s.heredocs.size()) {
            content += s.heredocs[static_cast<size_t>(r.heredoc)].body;
        } else if (writes_to_file(s, r)) {
            targets.push_back(r.target.value);
        }
    }
    if (tees) {
        for (const shell::Word* w : shell::operands(shell::effective_argv(*next))) {
            targets.push_back(w->value);
        }
    }
    std::vector<ConfigWrite> out;
    for (std::string& t : targets) {
        out.push_back(ConfigWrite{std::move(t), content});
    }
    return out;
}

/// `key=value` / `key = value` / `key: value` settings of `content` (keys lower-cased).
std::vector<std::pair<std::string, std::string>> settings_of(std::string_view content) {
    std::string text(content);
    for (size_t p = text.find("\\n"); p != std::string::npos; p = text.find("\\n", p)) {
        text.replace(p, 2, "\n");
    }
    std::vector<std::pair<std::string, std::string>> out;
    for (std::string_view line : util::split(text, '\n')) {
        line = util::trim(line);
        size_t sep = find_first_of(line, "=:");
        if (sep == std::string_view::npos) {
            out.emplace_back(util::to_lower(line), "");
            continue;
        }
        out.emplace_back(util::to_lower(util::trim(line.substr(0, sep))),
                         std::string(util::trim(line.substr(sep + 1))));
    }
    return out;
}

bool is_yum_config(std::string_view target) {
    return target.find("yum.conf") != std::string_view::npos ||
           target.find("dnf.conf") != std::string_view::npos || util::ends_with(target, ".repo") ||
           target.find("yum.repos.d") != std::string_view::npos;
}

/// Why writing `w` disables TLS verification, or "".
std::string tls_config_problem(const ConfigWrite& w) {
    std::string_view base = shell::basename(w.target);
    for (const auto& [key, value] : settings_of(w.content)) {
        std::string_view last_key =
            std::string_view(key).substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
        if (is_yum_config(w.target) && last_key == "sslverify" && is_false_value(value)) {
            return fmt::format("writes sslverify={} to {}: yum/dnf then accept any repository certificate",
                               value, w.target);
        }
        if ((base == ".curlrc" || base == "curlrc") &&
            (key == "insecure" || key == "-k" || key == "--insecure")) {
            return fmt::format("writes `{}` to {}: every curl call then skips certificate checks", key,
                               w.target);
        }
        if ((base == ".wgetrc" || base == "wgetrc") && key == "check_certificate" && is_false_value(value)) {
            return fmt::format("writes check_certificate = {} to {}: wget then skips certificate checks",
                               value, w.target);
        }
        if ((base == ".npmrc" || base == "npmrc") && key == "strict-ssl" && is_false_value(value)) {
            return fmt::format("writes strict-ssl={} to {}: npm then accepts any certificate", value,
                               w.target);
        }
        if ((base == "pip.conf" || base == "pip.ini") && key == "trusted-host") {
            return fmt::format("writes trusted-host to {}: pip then skips TLS checks for {}", w.target,
                               value);
        }
        if ((base == ".gitconfig" || base == "gitconfig") && key == "sslverify" && is_false_value(value)) {
            return fmt::format("writes sslVerify = {} to {}: git then skips certificate checks", value,
                               w.target);
        }
        if (base == ".condarc" && key == "ssl_verify" && is_false_value(value)) {
            return fmt::format("writes ssl_verify: {} to {}: conda then skips certificate checks", value,
                               w.target);
        }
    }
    return {};
}

/// Why writing `w` lets unsigned packages in, or "".
std::string signature_config_problem(const ConfigWrite& w) {
    std::string lower = util::to_lower(w.content);
    if (w.target.find("sources.list") != std::string::npos) {
        for (std::string_view line : util::split(lower, '\n')) {
            if (line.find("trusted=yes") == std::string_view::npos &&
                line.find("allow-insecure=yes") == std::string_view::npos) {
                continue;
            }
            // `deb [trusted=yes] file:///tmp/repo ./`: a repository of packages built in this step.
            size_t close = line.find(']');
            std::string_view uri =
                close == std::string_view::npos ? std::string_view() : util::trim(line.substr(close + 1));
            if (util::starts_with(uri, "file:") || util::starts_with(uri, "copy:")) {
                continue;
            }
            return fmt::format(
                "adds an APT source marked trusted=yes to {}: its packages are installed without "
                "signature checks",
                w.target);
        }
    }
    if (w.target.find("apt.conf") != std::string::npos) {
        for (std::string_view line : util::split(lower, '\n')) {
            if ((line.find("allowunauthenticated") != std::string_view::npos ||
                 line.find("allowinsecurerepositories") != std::string_view::npos) &&
                (line.find("true") != std::string_view::npos ||
                 line.find("\"1\"") != std::string_view::npos ||
                 line.find("yes") != std::string_view::npos)) {
                return fmt::format("writes `{}` to {}: apt then installs unauthenticated packages",
                                   util::trim(line), w.target);
            }
        }
    }
    if (is_yum_config(w.target)) {
        for (const auto& [key, value] : settings_of(w.content)) {
            if (key == "gpgcheck" && is_false_value(value)) {
                return fmt::format(
                    "writes gpgcheck={} to {}: packages from it are installed without signature "
                    "checks",
                    value, w.target);
            }
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Commands

const shell::OptionList k_pip_values = {"-r",
                                        "--requirement",
                                        "-c",
                                        "--constraint",
                                        "-i",
                                        "--index-url",
                                        "--extra-index-url",
                                        "-f",
                                        "--find-links",
                                        "--trusted-host",
                                        "-t",
                                        "--target",
                                        "--prefix",
                                        "--root",
                                        "--cert",
                                        "--client-cert",
                                        "--proxy",
                                        "--timeout",
                                        "--retries",
                                        "-e",
                                        "--editable",
                                        "--log",
                                        "--cache-dir",
                                        "--allow-insecure-host"};
const shell::OptionList k_git_values = {"-c",          "-C",          "--git-dir",   "--work-tree",
                                        "--namespace", "--exec-path", "--config-env"};
const shell::OptionList k_git_config_values = {"-c", "-C",     "--git-dir", "--work-tree", "--file",
                                               "-f", "--blob", "--type",    "--default",   "--comment"};

/// argv of pip when effective argv `argv` (whose program is `prog`) runs pip (`pip3 ...`,
/// `python -m pip ...`, `uv pip ...`), else empty.
std::span<const shell::Word> pip_argv(std::span<const shell::Word> argv, std::string_view prog) {
    if (argv.empty()) {
        return {};
    }
    if (prog == "pip" ||
        (prog.starts_with("pip") && prog.size() > 3 && std::all_of(prog.begin() + 3, prog.end(), [](char ch) {
             return (ch >= '0' && ch <= '9') || ch == '.';
         }))) {
        return argv;
    }
    if (argv.size() > 2 && argv[1].value == "-m" && argv[2].value == "pip" && is_interpreter(prog)) {
        return argv.subspan(2);
    }
    if (prog == "uv") {
        return argv;
    }
    return {};
}

struct Hit {
    Hit(const shell::Word* w, char l, std::string reason, const shell::Word* value = nullptr,
        bool whole = false)
        : word(w), letter(l), why(std::move(reason)), through(value), drop_command(whole) {}

    const shell::Word* word = nullptr;
    char letter = 0;
    std::string why;
    const shell::Word* through = nullptr;  // the option's separate value, removed with it by the fix
    bool drop_command = false;             // the whole command is the problem: the fix deletes it
};

/// The word after `w` in `argv` when `w` is an option written without `=value`.
const shell::Word* separate_value(std::span<const shell::Word> argv, const shell::Word* w) {
    if (w->value.find('=') != std::string::npos || !util::starts_with(w->value, "--")) {
        return nullptr;
    }
    for (size_t i = 0; i + 1 < argv.size(); ++i) {
        if (&argv[i] == w) {
            return &argv[i + 1];
        }
    }
    return nullptr;
}

/// True when tls_command_hits() may find something in `c`: a cheap test on the program name and
/// the words, so that most commands cost a few comparisons.
bool may_disable_tls(const shell::Command& c, const CommandFacts& facts) {
    // assignment_words() that tls_env_problem() may judge: NAME=value with a name it knows.
    auto known_assignment = [](const shell::Word& w) {
        size_t eq = w.value.find('=');
        return eq != std::string::npos && is_tls_env_name(std::string_view(w.value).substr(0, eq));
    };
    if (std::any_of(c.assignments.begin(), c.assignments.end(), known_assignment)) {
        return true;
    }
    if (!c.argv.empty()) {
        // assignment_words(): export/declare/typeset/readonly/env NAME=value
        std::string_view first = c.argv[0].value;
        char last = first.empty() ? '\0' : first.back();
        if ((last == 't' || last == 'e' || last == 'y' || last == 'v') &&
            is_one_of(shell::basename(first), {"export", "declare", "typeset", "readonly", "env"}) &&
            std::any_of(c.argv.begin() + 1, c.argv.end(), known_assignment)) {
            return true;
        }
    }
    std::span<const shell::Word> argv = facts.argv;
    if (argv.empty()) {
        return false;
    }
    std::string_view prog = facts.program;
    // The programs tls_command_hits() knows (pip* aside); their program_bit()s are tested first
    // (cd, cp, mkdir, make... share a first letter with them, rarely a bit).
    static constexpr std::string_view k_programs[] = {
        "busybox",           "curl", "conda", "composer", "dnf", "git",  "microdnf", "mamba",
        "micromamba",        "npm",  "pnpm",  "tdnf",     "uv",  "wget", "yarn",     "yum",
        "yum-config-manager"};
    constexpr uint64_t k_bits = [] {
        uint64_t bits = 0;
        for (std::string_view name : k_programs) {
            bits |= program_bit(name);
        }
        return bits;
    }();
    if (prog.starts_with("pip") || ((program_bit(prog) & k_bits) != 0 && is_one_of(prog, k_programs))) {
        return true;
    }
    if (argv.size() > 2 && argv[1].value == "-m") {
        return true;  // python -m pip
    }
    // The options every program is checked for: --insecure-skip-tls-verify, --skip-tls-verify,
    // --tls-verify=, --tlsverify= (the test on the third byte rejects most long options at once).
    return std::any_of(argv.begin() + 1, argv.end(), [](const shell::Word& w) {
        std::string_view a = w.value;
        if (a.size() < 3 || a[0] != '-' || a[1] != '-') {
            return false;
        }
        switch (a[2]) {
            case 'i':
                return a.starts_with("--insecure-skip-tls-verify");
            case 's':
                return a.starts_with("--skip-tls-verify");
            case 't':
                return a.starts_with("--tls-verify=") || a.starts_with("--tlsverify=");
            default:
                return false;
        }
    });
}

/// Options and settings of `c` that disable TLS certificate verification.
std::vector<Hit> tls_command_hits(const shell::Command& c, const CommandFacts& facts) {
    std::vector<Hit> hits;
    const std::span<const shell::Word> effective = facts.argv;
    std::span<const shell::Word> argv = effective;
    if (argv.empty()) {
        return hits;
    }
    const std::string_view effective_prog = facts.program;
    std::string_view prog = effective_prog;
    if (prog == "busybox" && argv.size() > 1) {
        argv = argv.subspan(1);
        prog = shell::basename(argv[0].value);
    }
    // The long lists of options taking a value, prepared once.
    static const shell::ValueOptions k_curl = shell::ValueOptions::of(k_curl_values);
    static const shell::ValueOptions k_wget = shell::ValueOptions::of(k_wget_values);
    static const shell::ValueOptions k_pip = shell::ValueOptions::of(k_pip_values);
    if (prog == "curl") {
        if (const shell::Word* w = option_flag(argv, "k", {"insecure", "proxy-insecure"}, k_curl)) {
            bool group = !util::starts_with(w->value, "--");
            hits.push_back(
                {w, group ? 'k' : '\0', fmt::format("`curl {}` skips TLS certificate checks", w->value)});
        }
    } else if (prog == "wget") {
        if (const shell::Word* w = option_flag(argv, "", {"no-check-certificate"}, k_wget)) {
            hits.push_back({w, '\0', "`wget --no-check-certificate` skips TLS certificate checks"});
        }
    }
    if (std::span<const shell::Word> pip = pip_argv(effective, effective_prog); !pip.empty()) {
        if (const shell::Word* w = option_flag(pip, "", {"trusted-host", "allow-insecure-host"}, k_pip)) {
            hits.push_back({w, '\0', fmt::format("`{}` makes pip skip TLS checks for that host", w->value),
                            separate_value(pip, w)});
        }
        std::vector<const shell::Word*> ops = shell::operands(pip, k_pip);
        for (size_t i = 0; i + 2 < ops.size(); ++i) {
            if (ops[i]->value == "set" &&
                util::ends_with(util::to_lower(ops[i + 1]->value), "trusted-host")) {
                hits.push_back({ops[i + 1], '\0',
                                fmt::format("`pip config set {} {}` makes pip skip TLS checks",
                                            ops[i + 1]->value, ops[i + 2]->value),
                                nullptr, true});
            }
        }
    }
    if (prog == "git") {
        // git -c http.sslVerify=false ..., git clone --config http.sslVerify=false
        for (size_t i = 1; i < argv.size(); ++i) {
            std::string_view a = argv[i].value;
            std::string_view setting;
            const shell::Word* w = &argv[i];
            if ((a == "-c" || a == "--config") && i + 1 < argv.size()) {
                w = &argv[++i];
                setting = w->value;
            } else if (util::starts_with(a, "--config=")) {
                setting = a.substr(9);
            } else if (util::starts_with(a, "-c") && a.size() > 2 && a[2] != '-') {
                setting = a.substr(2);
            }
            size_t eq = setting.find('=');
            if (eq != std::string_view::npos &&
                util::ends_with(util::to_lower(setting.substr(0, eq)), "sslverify") &&
                is_false_value(setting.substr(eq + 1))) {
                hits.push_back({w, '\0', fmt::format("`git -c {}` skips TLS certificate checks", setting)});
            }
        }
        if (shell::subcommand(argv, k_git_values) == "config") {
            std::vector<const shell::Word*> cfg =
                shell::operands(shell::subcommand_argv(argv, k_git_values), k_git_config_values);
            if (!cfg.empty() && cfg.front()->value == "set") {
                cfg.erase(cfg.begin());
            }
            if (cfg.size() >= 2 && util::ends_with(util::to_lower(cfg[0]->value), "sslverify") &&
                is_false_value(cfg[1]->value)) {
                hits.push_back({cfg[0], '\0',
                                fmt::format("`git config {} {}` makes git skip TLS certificate checks",
                                            cfg[0]->value, cfg[1]->value),
                                nullptr, true});
            }
        }
    }
    if (prog == "npm" || prog == "yarn" || prog == "pnpm") {
        std::string a;  // one buffer for the lower-cased words
        for (size_t i = 1; i < argv.size(); ++i) {
            assign_lower(a, argv[i].value);
            bool off = a == "--no-strict-ssl" ||
                       (util::starts_with(a, "--strict-ssl=") && is_false_value(a.substr(13))) ||
                       (a == "--strict-ssl" && i + 1 < argv.size() && is_false_value(argv[i + 1].value));
            if (off) {
                hits.push_back(
                    {&argv[i], '\0',
                     fmt::format("`{} {}` makes {} accept any TLS certificate", prog, argv[i].value, prog),
                     a == "--strict-ssl" ? &argv[i + 1] : nullptr});
            }
            if (a == "set" && i + 1 < argv.size()) {
                std::string key = util::to_lower(argv[i + 1].value);
                std::string value = i + 2 < argv.size() ? argv[i + 2].value : "";
                if (size_t eq = key.find('='); eq != std::string::npos) {
                    value = key.substr(eq + 1);
                    key = key.substr(0, eq);
                }
                if ((key == "strict-ssl" || key == "enablestrictssl") && is_false_value(value)) {
                    hits.push_back({&argv[i + 1], '\0',
                                    fmt::format("`{} config set {} {}` makes {} accept any TLS "
                                                "certificate",
                                                prog, argv[i + 1].value, value, prog),
                                    nullptr, true});
                }
            }
        }
    }
    if (prog == "yum" || prog == "dnf" || prog == "microdnf" || prog == "tdnf" ||
        prog == "yum-config-manager") {
        for (size_t i = 1; i < argv.size(); ++i) {
            std::string_view a = argv[i].value;
            std::string_view setting;
            if (util::starts_with(a, "--setopt=")) {
                setting = a.substr(9);
            } else if (a == "--setopt" && i + 1 < argv.size()) {
                setting = argv[i + 1].value;
            }
            size_t eq = setting.find('=');
            if (eq != std::string_view::npos &&
                util::ends_with(util::to_lower(setting.substr(0, eq)), "sslverify") &&
                is_false_value(setting.substr(eq + 1))) {
                hits.push_back({&argv[i], '\0',
                                fmt::format("`{} --setopt={}` makes {} accept any repository "
                                            "certificate",
                                            prog, setting, prog)});
            }
        }
    }
    if (prog == "conda" || prog == "mamba" || prog == "micromamba") {
        for (size_t i = 1; i + 2 < argv.size(); ++i) {
            if (argv[i].value == "--set" && argv[i + 1].value == "ssl_verify" &&
                is_false_value(argv[i + 2].value)) {
                hits.push_back(
                    {&argv[i + 1], '\0',
                     fmt::format("`{} config --set ssl_verify {}` skips TLS checks", prog, argv[i + 2].value),
                     nullptr, true});
            }
        }
    }
    if (prog == "composer") {
        std::vector<const shell::Word*> ops = shell::operands(argv);
        for (size_t i = 0; i + 2 < ops.size(); ++i) {
            if (ops[i]->value == "config" && ops[i + 1]->value == "disable-tls" &&
                is_true_value(ops[i + 2]->value)) {
                hits.push_back(
                    {ops[i + 1], '\0', "`composer config disable-tls true` turns TLS off", nullptr, true});
            }
        }
    }
    // helm/kubectl/argocd --insecure-skip-tls-verify, podman/skopeo/buildah --tls-verify=false
    for (size_t i = 1; i < argv.size(); ++i) {
        std::string_view a = argv[i].value;
        if (a.size() < 3 || a[0] != '-' || a[1] != '-') {
            continue;  // every option below is a long one
        }
        if ((a == "--insecure-skip-tls-verify" || a == "--insecure-skip-tls-verify=true" ||
             a == "--skip-tls-verify" || a == "--skip-tls-verify=true") ||
            (util::starts_with(a, "--tls-verify=") && is_false_value(a.substr(13))) ||
            (util::starts_with(a, "--tlsverify=") && is_false_value(a.substr(12)))) {
            hits.push_back({&argv[i], '\0', fmt::format("`{} {}` skips TLS certificate checks", prog, a)});
        }
    }
    for (const shell::Word* w : assignment_words(c)) {
        size_t eq = w->value.find('=');
        if (eq == std::string::npos) {
            continue;
        }
        if (std::optional<std::string> why =
                tls_env_problem(w->value.substr(0, eq), w->value.substr(eq + 1))) {
            hits.push_back({w, '\0', fmt::format("`{}` {}", w->value, *why)});
        }
    }
    return hits;
}

const shell::OptionList k_apt_values = {
    "-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release"};
const shell::OptionList k_yum_values = {
    "-c",       "--config", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "--repo",
    "--repoid", "-x",       "--exclude",     "-d",           "-e",           "--setopt",      "--downloaddir",
    "--destdir"};

/// Options of `c` that let packages without a valid signature in.
/// True when signature_command_hits() may find something: the program is one of the package
/// managers it knows (a switch on the first letter, then the names).
bool may_allow_unsigned(const shell::Command& /*c*/, const CommandFacts& facts) {
    std::string_view prog = facts.program;
    if (facts.argv.empty() || prog.empty()) {
        return false;
    }
    switch (prog[0]) {
        case 'a':
            return prog == "apt-get" || prog == "apt" || prog == "aptitude" || prog == "apk";
        case 'd':
            return prog == "dnf" || prog == "dpkg";
        case 'm':
            return prog == "microdnf";
        case 'r':
            return prog == "rpm";
        case 't':
            return prog == "tdnf";
        case 'y':
            return prog == "yum" || prog == "yum-config-manager";
        case 'z':
            return prog == "zypper";
        default:
            return false;
    }
}

std::vector<Hit> signature_command_hits(const shell::Command& /*c*/, const CommandFacts& facts) {
    std::vector<Hit> hits;
    std::span<const shell::Word> argv = facts.argv;
    if (argv.empty()) {
        return hits;
    }
    std::string_view prog = facts.program;
    if (prog == "apt-get" || prog == "apt" || prog == "aptitude") {
        std::string_view sub = shell::subcommand(argv, k_apt_values);
        if (sub == "remove" || sub == "purge" || sub == "autoremove" || sub == "clean" ||
            sub == "autoclean") {
            return hits;  // nothing is installed
        }
        if (const shell::Word* w = option_flag(argv, "",
                                               {"allow-unauthenticated", "allow-insecure-repositories",
                                                "force-yes", "allow-downgrade-to-insecure-repositories"},
                                               k_apt_values)) {
            hits.push_back({w, '\0',
                            fmt::format("`{} {}` installs packages whose signatures are missing or invalid",
                                        prog, w->value)});
        }
        std::string v;  // one buffer for the lower-cased words
        for (const shell::Word& w : argv) {
            if (w.value.find('=') == std::string::npos) {
                continue;  // only `-o Key=value` settings below: most words stop here, unlowered
            }
            assign_lower(v, w.value);
            size_t eq = v.find('=');
            if (eq != std::string::npos &&
                (v.find("allowunauthenticated") != std::string::npos ||
                 v.find("allowinsecurerepositories") != std::string::npos) &&
                is_true_value(v.substr(eq + 1))) {
                hits.push_back(
                    {&w, '\0',
                     fmt::format("`-o {}` makes {} install unauthenticated packages", w.value, prog)});
            }
        }
    } else if (prog == "apk") {
        std::string_view sub = shell::subcommand(argv, {"-X", "--repository", "-p", "--root"});
        if (sub != "add" && sub != "upgrade" && sub != "fix" && sub != "update") {
            return hits;  // `apk index --allow-untrusted` indexes packages, it installs nothing
        }
        if (const shell::Word* w =
                option_flag(argv, "", {"allow-untrusted"}, {"-X", "--repository", "-p", "--root"})) {
            hits.push_back(
                {w, '\0', "`apk --allow-untrusted` installs packages without a trusted signature"});
        }
    } else if (prog == "yum" || prog == "dnf" || prog == "microdnf" || prog == "tdnf" ||
               prog == "yum-config-manager" || prog == "rpm") {
        if (const shell::Word* w = option_flag(argv, "", {"nogpgcheck"}, k_yum_values)) {
            hits.push_back({w, '\0',
                            fmt::format("`{} --nogpgcheck` installs packages without checking their "
                                        "signatures",
                                        prog)});
        }
        for (size_t i = 1; i < argv.size(); ++i) {
            std::string_view a = argv[i].value;
            std::string_view setting;
            if (util::starts_with(a, "--setopt=")) {
                setting = a.substr(9);
            } else if (a == "--setopt" && i + 1 < argv.size()) {
                setting = argv[i + 1].value;
            }
            size_t eq = setting.find('=');
            if (eq == std::string_view::npos) {
                continue;
            }
            std::string key = util::to_lower(setting.substr(0, eq));
            std::string_view last =
                std::string_view(key).substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
            if (last == "gpgcheck" && is_false_value(setting.substr(eq + 1))) {
                hits.push_back({&argv[i], '\0',
                                fmt::format("`{} --setopt={}` turns signature checks off", prog, setting)});
            }
        }
        if (prog == "rpm") {
            bool installs = shell::has_option(argv, "iUF", {"install", "upgrade", "freshen", "reinstall"});
            if (const shell::Word* w = option_flag(argv, "", {"nosignature", "nodigest", "nofiledigest"})) {
                hits.push_back(
                    {w, '\0', fmt::format("`rpm {}` installs packages without checking them", w->value)});
            } else if (installs) {
                if (const shell::Word* nv = option_flag(argv, "", {"noverify"})) {
                    hits.push_back({nv, '\0', "`rpm --noverify` installs packages without checking them"});
                }
            }
        }
    } else if (prog == "zypper") {
        if (const shell::Word* w = option_flag(argv, "", {"no-gpg-checks", "no-gpgcheck"})) {
            hits.push_back(
                {w, '\0',
                 fmt::format("`zypper {}` installs packages without checking their signatures", w->value)});
        } else if (std::string_view sub = shell::subcommand(argv); sub == "ar" || sub == "addrepo") {
            if (const shell::Word* g = option_flag(shell::subcommand_argv(argv), "G", {})) {
                hits.push_back({g, 'G', "`zypper addrepo -G` adds a repository without signature checks"});
            }
        }
    } else if (prog == "dpkg") {
        if (const shell::Word* w = option_flag(argv, "", {"force-bad-verify"})) {
            hits.push_back({w, '\0', "`dpkg --force-bad-verify` installs packages that fail verification"});
        }
    }
    return hits;
}

/// What the rest of the RUN says about a command's hits.
struct Verdict {
    bool excused = false;  // the hits are dropped
    std::string why;       // when not empty: the message, instead of the hit's
    std::string fix;       // when not empty: the fix, instead of the command without the option
};

/// No hit of the TLS checks depends on the rest of the RUN.
Verdict no_excuse(const model::Dockerfile& /*df*/, const model::Instruction& /*run*/,
                  const model::ShellBody& /*body*/, size_t /*index*/) {
    return {};
}

/// True when command `gpg` (`gpg --verify`, `gpgv`) verifies `file` and a failure stops the RUN
/// before command `install`: joined to it by `&&` (at its own level), or `set -e` earlier at the top.
bool verifies_before(const shell::Script& s, size_t gpg, size_t install, std::string_view file) {
    const shell::Command& g = s.commands[gpg];
    std::span<const shell::Word> argv = shell::effective_argv(g);
    std::string_view prog = shell::command_name(g);
    bool verify = prog == "gpgv" || ((prog == "gpg" || prog == "gpg2") &&
                                     std::any_of(argv.begin(), argv.end(),
                                                 [](const shell::Word& w) { return w.value == "--verify"; }));
    if (!verify || argv.empty() ||
        std::none_of(argv.begin() + 1, argv.end(), [&](const shell::Word& w) { return w.value == file; })) {
        return false;
    }
    bool chained = g.depth == s.commands[install].depth;
    for (size_t k = gpg; k < install && chained; ++k) {
        const shell::Command& c = s.commands[k];
        chained = c.depth > g.depth || c.next == shell::Connector::and_if;
    }
    if (chained) {
        return true;
    }
    bool errexit = false;  // `set -e` (or -o errexit) at the top, not undone by `set +e`
    for (size_t k = 0; k < gpg; ++k) {
        if (s.commands[k].depth == 0) {
            shell::apply_set_option(s.commands[k], "errexit", 'e', errexit);
        }
    }
    return errexit;
}

/// `apk add --allow-untrusted` of local .apk files only, each verified with `gpg --verify` earlier in
/// the RUN (Microsoft's documented procedure) or read from a bind mount of a stage of this
/// Dockerfile (packages built there): nothing untrusted is installed, excused. With repository
/// packages in the same command, not excused: the option is global, so apk also accepts repository
/// indexes without a trusted signature (apk-tools fetches them unverified) and installs those
/// packages unchecked; the fix installs them first, in a command without the option.
Verdict local_verified_apks(const model::Dockerfile& df, const model::Instruction& run,
                            const model::ShellBody& body, size_t index) {
    const shell::Script& s = body.script;
    const shell::Command& c = s.commands[index];
    if (shell::command_name(c) != "apk") {
        return {};
    }
    static const shell::OptionList k_apk_values = {
        "-X",         "--repository",        "-p",          "--root", "-t", "--virtual",
        "--keys-dir", "--repositories-file", "--cache-dir", "--arch"};
    std::span<const shell::Word> argv = shell::effective_argv(c);
    std::vector<const shell::Word*> packages = shell::subcommand_operands(argv, k_apk_values);
    if (packages.empty()) {
        return {};
    }
    std::vector<std::string> stage_mounts;  // targets of bind mounts from earlier stages, ending in '/'
    for (const common::Mount& m : common::mounts_of(run)) {
        const model::Stage* from = m.from.empty() ? nullptr : df.find_stage(m.from);
        if (m.type == "bind" && from != nullptr && from->index < run.stage && !m.target.empty()) {
            std::string target = common::normalize_path(m.target);
            stage_mounts.push_back(target == "/" ? target : target + "/");
        }
    }
    std::vector<const shell::Word*> local;
    std::vector<const shell::Word*> repository;
    for (const shell::Word* p : packages) {
        std::string_view file = p->value;
        if (file.find("://") != std::string_view::npos) {
            return {};  // a download
        }
        if (!util::ends_with(file, ".apk")) {
            repository.push_back(p);
            continue;
        }
        bool trusted = std::any_of(stage_mounts.begin(), stage_mounts.end(),
                                   [&](const std::string& t) { return util::starts_with(file, t); });
        for (size_t k = 0; k < index && !trusted; ++k) {
            trusted = verifies_before(s, k, index, file);
        }
        if (!trusted) {
            return {};
        }
        local.push_back(p);
    }
    if (repository.empty()) {
        return {true, {}, {}};
    }
    if (local.empty()) {
        return {};
    }
    // Repository packages first, verified; then the checked files. A virtual package (-t NAME) would
    // be redefined by the second command, dropping the first one's packages: it stays in the first.
    const shell::Word* untrusted = option_flag(argv, "", {"allow-untrusted"}, k_apk_values);
    std::vector<const shell::Word*> first = local;
    std::vector<const shell::Word*> second = repository;
    if (untrusted != nullptr) {
        first.push_back(untrusted);
    }
    if (const shell::Word* virt = option_flag(argv, "t", {"virtual"}, k_apk_values)) {
        second.push_back(virt);
        if ((virt->value == "-t" || virt->value == "--virtual") && virt + 1 < argv.data() + argv.size()) {
            second.push_back(virt + 1);
        }
    }
    std::string names;
    for (const shell::Word* p : repository) {
        names += (names.empty() ? "" : " ") + p->value;
    }
    return {false,
            fmt::format("`apk --allow-untrusted` applies to the whole command: besides the checked "
                        "{}, apk accepts repository indexes without a trusted signature, so {} can be "
                        "installed unverified",
                        local.size() == 1 ? local.front()->value : "local files", names),
            fmt::format("{} && {}", command_without_words(body, c, first),
                        command_without_words(body, c, second))};
}

/// Reports command hits and config-file writes of every RUN. `MayHit` is a cheap test that rules
/// out most commands before `CommandHits` runs; `Excused` drops a command's hits, or gives their
/// message and fix, for what the rest of the RUN shows.
template <auto MayHit, auto CommandHits, auto ConfigProblem, auto Excused>
void check_runs(const model::Dockerfile& df, Reporter& out, uint64_t programs = ~uint64_t{0}) {
    std::span<const uint64_t> bits = instruction_program_bits(df);
    for (size_t n = 0; n < df.instructions.size(); ++n) {
        if ((bits[n] & programs) == 0) {
            continue;  // no command MayHit() or writes_file() accepts
        }
        const model::Instruction& inst = df.instructions[n];
        for (const model::ShellBody& body : inst.shell) {
            const shell::Script& s = body.script;
            std::span<const CommandFacts> facts = command_facts(df, inst, body);
            for (size_t i = 0; i < s.commands.size(); ++i) {
                const shell::Command& c = s.commands[i];
                if (MayHit(c, facts[i])) {
                    std::vector<Hit> hits = CommandHits(c, facts[i]);
                    Verdict verdict = hits.empty() ? Verdict{} : Excused(df, inst, body, i);
                    if (verdict.excused) {
                        hits.clear();
                    }
                    for (const Hit& h : hits) {
                        std::string fix = !verdict.fix.empty() ? verdict.fix
                                          : h.drop_command
                                              ? fmt::format("delete `{}` and trust the needed CA instead",
                                                            command_text(body, c))
                                              : command_without(body, c, *h.word, h.letter, h.through);
                        out.report(body.text, h.word->begin, h.word->end,
                                   verdict.why.empty() ? h.why : verdict.why, fix);
                    }
                }
                if (!writes_file(facts[i].program)) {
                    continue;
                }
                for (const ConfigWrite& w : config_writes(s, i, facts[i])) {
                    std::string why = ConfigProblem(w);
                    if (!why.empty()) {
                        out.report(body.text, c.begin, c.end, fmt::format("`{}` {}", facts[i].program, why),
                                   fmt::format("do not write this setting to {}", w.target));
                    }
                }
            }
        }
    }
}

}  // namespace

void check_tls_disabled(const DockerfileContext& ctx, Reporter& out) {
    check_env_pairs(ctx.dockerfile, out);
    check_runs<may_disable_tls, tls_command_hits, tls_config_problem, no_excuse>(ctx.dockerfile, out);
}

void check_unsigned_packages(const DockerfileContext& ctx, Reporter& out) {
    // The programs may_allow_unsigned() and writes_file() accept.
    constexpr uint64_t k_programs =
        program_bit("apt-get") | program_bit("apt") | program_bit("aptitude") | program_bit("apk") |
        program_bit("dnf") | program_bit("dpkg") | program_bit("microdnf") | program_bit("rpm") |
        program_bit("tdnf") | program_bit("yum") | program_bit("yum-config-manager") | program_bit("zypper") |
        program_bit("echo") | program_bit("printf") | program_bit("cat");
    if ((program_bits(ctx.dockerfile) & k_programs) == 0) {
        return;
    }
    check_runs<may_allow_unsigned, signature_command_hits, signature_config_problem, local_verified_apks>(
        ctx.dockerfile, out, k_programs);
}

}  // namespace bulwark::rules::dockerfile::supply
