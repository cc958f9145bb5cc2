// BD094: a build secret (RUN --mount=type=secret) written into a file that stays in the layer.
// The secret is followed through the shell model: words naming its file or its env variable,
// variables assigned from it, and pipelines of commands that pass data through.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/model/expand.hpp"
#include "bulwark/model/shell_query.hpp"
#include "bulwark/rules/dockerfile/instructions_common.hpp"
#include "bulwark/rules/dockerfile/stages_checks.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::checks {

namespace {

using model::Instruction;
using model::InstructionKind;
namespace sh = model::shell;

struct Secret {
    std::string id;
    std::string path;  // where the file is mounted ("" when only exposed as env)
    std::string env;   // env=NAME
};

/// Programs whose output carries their input or arguments (so a secret survives the pipe).
bool passes_data(std::string_view program) {
    static const std::set<std::string_view> k_names = {
        "cat", "echo", "printf", "base64", "tee", "sed",  "awk",  "gawk", "envsubst", "jq",     "yq",    "tr",
        "cut", "head", "tail",   "xxd",    "od",  "grep", "sort", "uniq", "rev",      "basenc", "base32"};
    return k_names.count(program) != 0;
}

/// Tracks what carries the secret inside one shell program.
struct Taint {
    std::vector<Secret> secrets;
    std::map<std::string, size_t> vars;  // shell variable holding a secret -> index in `secrets`

    /// The secret `w` refers to (its file path or a tainted variable), or nullptr.
    const Secret* in_word(std::string_view w) const {
        for (const Secret& s : secrets) {
            if (!s.path.empty() && w.find(s.path) != std::string_view::npos) {
                return &s;
            }
        }
        if (w.find('$') == std::string_view::npos) {
            return nullptr;
        }
        for (const std::string& v : model::referenced_variables(w)) {
            if (auto it = vars.find(v); it != vars.end()) {
                return &secrets[it->second];
            }
        }
        return nullptr;
    }

    /// The secret command `c` reads (argv, assignments, `<` input, an unquoted here-document of
    /// `script`), or nullptr.
    const Secret* in_command(const sh::Command& c, const sh::Script& script) const {
        for (const sh::Word& w : c.argv) {
            if (const Secret* s = in_word(w.value)) {
                return s;
            }
        }
        for (const sh::Word& w : c.assignments) {
            if (const Secret* s = in_word(w.value)) {
                return s;
            }
        }
        for (const sh::Redirect& r : c.redirects) {
            if (r.heredoc >= 0 && static_cast<size_t>(r.heredoc) < script.heredocs.size()) {
                const sh::Heredoc& h = script.heredocs[static_cast<size_t>(r.heredoc)];
                if (const Secret* s = h.quoted ? nullptr : in_word(h.body)) {
                    return s;
                }
            } else if (r.op.find('<') != std::string::npos) {
                if (const Secret* s = in_word(r.target.value)) {
                    return s;
                }
            }
        }
        // envsubst substitutes every exported variable, named or not.
        if (sh::is_command(c, "envsubst") && !vars.empty()) {
            return &secrets[vars.begin()->second];
        }
        return nullptr;
    }

    /// Marks variables assigned from the secret (`T=$(cat ...)`, `export T=...`, `read T < file`).
    void learn(const sh::Command& c, const sh::Script& script) {
        auto assign = [&](std::string_view word) {
            size_t eq = word.find('=');
            if (eq == std::string_view::npos || eq == 0) {
                return;
            }
            if (const Secret* s = in_word(word.substr(eq + 1))) {
                vars[std::string(word.substr(0, eq))] = static_cast<size_t>(s - secrets.data());
            }
        };
        for (const sh::Word& w : c.assignments) {
            assign(w.value);
        }
        std::string_view prog = sh::program(c);
        std::span<const sh::Word> argv = sh::effective_argv(c);
        if (sh::is_declaration_builtin(prog)) {
            for (size_t i = 1; i < argv.size(); ++i) {
                assign(argv[i].value);
            }
        }
        if (prog == "read") {
            if (const Secret* s = in_command(c, script)) {
                for (const sh::Word* w : sh::operands(argv, {"-d", "-n", "-N", "-p", "-t", "-u", "-a"})) {
                    vars[w->value] = static_cast<size_t>(s - secrets.data());
                }
            }
        }
    }
};

/// A file the secret was written to.
struct Leak {
    const Secret* secret = nullptr;
    std::string target;  // the file (or config file) as written
    const sh::Word* where = nullptr;
    const sh::Command* command = nullptr;
    std::string how;                         // "written to", "copied to", "stored by 'git config' in"
    std::vector<std::string> cleanup_names;  // basenames whose `rm` in the same RUN removes it
    std::string undo_program;                // program whose undo subcommand removes it (git, npm ...)
};

bool is_output_redirect(const sh::Redirect& r) {
    if (r.op.find('>') == std::string::npos || r.op.find('&') == r.op.size() - 1) {
        return false;  // "2>&1", ">&": duplication, not a file
    }
    return !(r.op.size() >= 2 && r.op[0] == '2');  // stderr does not carry the data
}

bool harmless_target(std::string_view t, const std::vector<std::string>& volatile_dirs) {
    if (util::starts_with(t, "/dev/") || util::starts_with(t, "/proc/") || t == "-") {
        return true;
    }
    for (const std::string& d : volatile_dirs) {
        if (t == d || util::starts_with(t, d + "/")) {
            return true;
        }
    }
    return false;
}

/// Config files written by credential-storing commands: program -> (how it is described, file names).
struct ConfigSink {
    std::string_view program;
    std::string_view subcommand;  // "" when any
    std::string_view file;
    std::vector<std::string> names;
};

const std::vector<ConfigSink>& config_sinks() {
    static const std::vector<ConfigSink> k_sinks = {
        {"git", "config", "~/.gitconfig", {".gitconfig", "gitconfig", "config"}},
        {"git", "clone", "the clone's .git/config", {".git"}},
        {"npm", "config", "~/.npmrc", {".npmrc"}},
        {"npm", "set", "~/.npmrc", {".npmrc"}},
        {"yarn", "config", "~/.yarnrc", {".yarnrc", ".yarnrc.yml"}},
        {"pnpm", "config", "~/.npmrc", {".npmrc"}},
        {"pip", "config", "pip.conf", {"pip.conf", "pip"}},
        {"poetry", "config", "~/.config/pypoetry/auth.toml", {"auth.toml", "pypoetry"}},
        {"composer", "config", "auth.json", {"auth.json", ".composer", "composer"}},
        {"bundle", "config", "~/.bundle/config", {".bundle", "config"}},
        {"docker", "login", "~/.docker/config.json", {".docker", "config.json"}},
        {"helm", "registry", "~/.config/helm/registry/config.json", {"helm", "config.json"}},
        {"aws", "configure", "~/.aws/credentials", {".aws", "credentials"}},
        {"gcloud", "auth", "~/.config/gcloud", {"gcloud", ".config"}},
        {"gh", "auth", "~/.config/gh/hosts.yml", {"gh", "hosts.yml"}},
    };
    return k_sinks;
}

bool is_undo(std::string_view program, std::span<const sh::Word> argv) {
    for (const sh::Word& w : argv) {
        std::string_view v = w.value;
        if (v == "--unset" || v == "--unset-all" || v == "--remove-section" || v == "delete" || v == "rm" ||
            v == "unset" || (program == "docker" && v == "logout") || v == "logout" || v == "revoke") {
            return true;
        }
    }
    return false;
}

class SecretScan {
  public:
    SecretScan(const model::ShellBody& body, std::vector<Secret> secrets,
               std::vector<std::string> volatile_dirs)
        : m_body(body), m_volatile(std::move(volatile_dirs)) {
        m_taint.secrets = std::move(secrets);
        for (size_t i = 0; i < m_taint.secrets.size(); ++i) {
            if (!m_taint.secrets[i].env.empty()) {
                m_taint.vars[m_taint.secrets[i].env] = i;
            }
        }
    }

    std::vector<Leak> run() {
        const std::vector<sh::Command>& cmds = m_body.script.commands;
        std::map<int, const Secret*> carried;  // pipeline -> secret flowing through its pipe
        for (const sh::Command& c : cmds) {
            m_taint.learn(c, m_body.script);
            const Secret* direct = m_taint.in_command(c, m_body.script);
            const Secret* piped = nullptr;
            if (auto it = carried.find(c.pipeline); it != carried.end()) {
                piped = it->second;
                carried.erase(it);
            }
            const Secret* s = direct != nullptr ? direct : piped;
            if (s == nullptr) {
                continue;
            }
            check_config_sink(c, s, direct == nullptr);
            std::string_view prog = sh::program(c);
            if (direct != nullptr) {
                check_copy(c, s);
            }
            // Programs that only use the secret (curl -H, npm ci) print something else: stop there.
            if (!passes_data(prog)) {
                continue;
            }
            check_redirects(c, s);
            check_tee(c, s);
            if (direct != nullptr) {
                check_sed_in_place(c, s);
            }
            if (c.next == sh::Connector::pipe) {
                carried[c.pipeline] = s;
            }
        }
        drop_cleaned_up(cmds);
        return std::move(m_leaks);
    }

  private:
    void add(const Secret* s, const sh::Word& target, const sh::Command& c, std::string how,
             std::vector<std::string> names = {}, std::string undo = {}) {
        if (harmless_target(target.value, m_volatile)) {
            return;
        }
        if (names.empty()) {
            std::string normalized = common::normalize_path(target.value);
            names.emplace_back(sh::basename(normalized));
        }
        m_leaks.push_back(
            Leak{s, target.value, &target, &c, std::move(how), std::move(names), std::move(undo)});
    }

    void check_redirects(const sh::Command& c, const Secret* s) {
        for (const sh::Redirect& r : c.redirects) {
            if (is_output_redirect(r)) {
                add(s, r.target, c, "written to");
            }
        }
    }

    void check_tee(const sh::Command& c, const Secret* s) {
        if (!sh::is_command(c, "tee")) {
            return;
        }
        for (const sh::Word* w : sh::operands(sh::effective_argv(c))) {
            add(s, *w, c, "written to");
        }
    }

    /// `sed -i "s/@TOKEN@/$TOKEN/" app.conf` writes the secret into the edited files.
    void check_sed_in_place(const sh::Command& c, const Secret* s) {
        std::span<const sh::Word> argv = sh::effective_argv(c);
        if (!sh::is_command(c, "sed") ||
            !sh::has_option(argv, "i", {"in-place"}, {"-e", "-f", "--expression", "--file"})) {
            return;
        }
        std::vector<const sh::Word*> ops = sh::operands(argv, {"-e", "-f", "--expression", "--file"});
        bool has_script_option =
            sh::has_option(argv, "ef", {"expression", "file"}, {"-e", "-f", "--expression", "--file"});
        for (size_t i = has_script_option ? 0 : 1; i < ops.size(); ++i) {
            add(s, *ops[i], c, "written into");
        }
    }

    void check_copy(const sh::Command& c, const Secret* s) {
        std::string_view prog = sh::program(c);
        std::span<const sh::Word> argv = sh::effective_argv(c);
        if (prog == "dd") {
            const sh::Word* of = nullptr;
            bool reads = false;
            for (const sh::Word& w : argv) {
                if (util::starts_with(w.value, "if=") && m_taint.in_word(w.value) != nullptr) {
                    reads = true;
                }
                if (util::starts_with(w.value, "of=")) {
                    of = &w;
                }
            }
            if (reads && of != nullptr) {
                add(s, *of, c, "copied to");
            }
            return;
        }
        if (prog != "cp" && prog != "install" && prog != "rsync" && prog != "mv") {
            return;
        }
        std::vector<const sh::Word*> ops = sh::operands(
            argv, {"-t", "--target-directory", "-m", "--mode", "-o", "--owner", "-g", "--group", "-S",
                   "--suffix", "-e", "--rsh", "--exclude", "--include", "--chown", "--chmod"});
        std::optional<std::string> target_dir = sh::option_value(argv, "t", {"target-directory"});
        if (ops.empty() || (!target_dir && ops.size() < 2)) {
            return;
        }
        size_t sources_end = target_dir ? ops.size() : ops.size() - 1;
        bool from_secret = false;
        for (size_t i = 0; i < sources_end; ++i) {
            from_secret = from_secret || m_taint.in_word(ops[i]->value) != nullptr;
        }
        if (!from_secret) {
            return;
        }
        if (const sh::Word* dir = sh::option_word(argv, "t", {"target-directory"})) {
            add(s, *dir, c, "copied to");
        } else {
            add(s, *ops.back(), c, prog == "mv" ? "moved to" : "copied to");
        }
    }

    /// argv from the subcommand on, skipping global options that take a value (`git -c k=v clone`).
    static std::span<const sh::Word> tool_subcommand_argv(std::string_view prog,
                                                          std::span<const sh::Word> argv) {
        if (prog == "git") {
            return sh::subcommand_argv(
                argv, {"-c", "-C", "--git-dir", "--work-tree", "--namespace", "--exec-path"});
        }
        if (prog == "docker") {
            return sh::subcommand_argv(argv,
                                       {"-H", "--host", "--config", "-c", "--context", "-l", "--log-level"});
        }
        return sh::subcommand_argv(argv);
    }

    /// Credential-storing commands (`git config`, `npm config set`, `docker login` ...) fed the secret
    /// through their arguments or standard input.
    void check_config_sink(const sh::Command& c, const Secret* s, bool piped) {
        std::string_view prog = sh::program(c);
        std::span<const sh::Word> argv = sh::effective_argv(c);
        for (const ConfigSink& sink : config_sinks()) {
            if (prog != sink.program) {
                continue;
            }
            std::span<const sh::Word> sub_argv = tool_subcommand_argv(prog, argv);
            std::string_view sub =
                sub_argv.empty() ? std::string_view() : std::string_view(sub_argv.front().value);
            if (!sink.subcommand.empty() && sub != sink.subcommand) {
                continue;
            }
            if (is_undo(prog, argv)) {
                return;
            }
            bool in_args = false;
            for (const sh::Word& w : sub_argv) {
                in_args = in_args || m_taint.in_word(w.value) != nullptr;
            }
            if (in_args || piped) {
                m_leaks.push_back(Leak{s, std::string(sink.file), &argv.front(), &c,
                                       fmt::format("stored by '{} {}' in", prog, sub), sink.names,
                                       std::string(prog)});
            }
            return;
        }
    }

    /// A later `rm` of the file (or the tool's undo command) in the same RUN keeps it out of the layer.
    void drop_cleaned_up(const std::vector<sh::Command>& cmds) {
        std::vector<Leak> kept;
        for (Leak& leak : m_leaks) {
            size_t from = sh::index_of(m_body.script, *leak.command);
            bool cleaned = false;
            for (size_t j = from + 1; j < cmds.size() && !cleaned; ++j) {
                const sh::Command& c = cmds[j];
                std::string_view prog = sh::program(c);
                std::span<const sh::Word> argv = sh::effective_argv(c);
                if (!leak.undo_program.empty() && prog == leak.undo_program && is_undo(prog, argv)) {
                    cleaned = true;
                }
                if (prog != "rm" && prog != "shred" && prog != "unlink") {
                    continue;
                }
                std::string target = common::normalize_path(leak.target);
                for (const sh::Word* w : sh::operands(argv, {"-n", "--iterations", "-s", "--size"})) {
                    std::string removed = common::normalize_path(w->value);
                    std::string base(sh::basename(removed));
                    bool same_file = removed == target || util::starts_with(target, removed + "/");
                    bool same_name = std::find(leak.cleanup_names.begin(), leak.cleanup_names.end(), base) !=
                                     leak.cleanup_names.end();
                    cleaned = cleaned || same_file || same_name;
                }
            }
            if (!cleaned) {
                kept.push_back(std::move(leak));
            }
        }
        m_leaks = std::move(kept);
    }

    const model::ShellBody& m_body;
    std::vector<std::string> m_volatile;
    Taint m_taint;
    std::vector<Leak> m_leaks;
};

}  // namespace

void secret_persisted(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    if (df.windows) {
        return;
    }
    for (const Instruction& inst : df.instructions) {
        if (inst.kind != InstructionKind::run || inst.shell.empty()) {
            continue;
        }
        std::vector<Secret> secrets;
        std::vector<std::string> volatile_dirs;  // mounts whose content does not reach the layer
        for (const common::Mount& m : common::mounts_of(inst)) {
            std::string target = m.target;
            if (m.type == "secret") {
                std::string id = !m.id.empty() ? m.id : std::string(model::shell::basename(target));
                if (id.empty()) {
                    continue;
                }
                std::string path = !target.empty() ? target : (m.env.empty() ? "/run/secrets/" + id : "");
                if (!path.empty() && m.env.empty()) {
                    volatile_dirs.push_back(common::normalize_path(path));
                } else if (!target.empty()) {
                    volatile_dirs.push_back(common::normalize_path(target));
                }
                secrets.push_back(Secret{id, path, m.env});
            } else if (!target.empty()) {
                volatile_dirs.push_back(common::normalize_path(target));
            }
        }
        if (secrets.empty()) {
            continue;
        }
        volatile_dirs.emplace_back("/run/secrets");
        for (const model::ShellBody& body : inst.shell) {
            SecretScan scan(body, secrets, volatile_dirs);
            for (const Leak& leak : scan.run()) {
                std::string origin = !leak.secret->path.empty()
                                         ? fmt::format("mounted at {}", leak.secret->path)
                                         : fmt::format("in ${}", leak.secret->env);
                out.report(
                    body.text, leak.where->begin, leak.where->end,
                    fmt::format("build secret '{}' ({}) is {} '{}', which is saved in the image layer: "
                                "anyone who can pull the image can read it",
                                leak.secret->id, origin, leak.how, leak.target),
                    "use the secret only while this RUN runs (read it into a variable or point the tool at "
                    "the mounted file), or delete the file in the same RUN");
            }
        }
    }
}

}  // namespace bulwark::rules::dockerfile::checks
