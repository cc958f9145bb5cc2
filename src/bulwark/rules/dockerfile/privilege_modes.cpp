// BD041 (world-writable) and BD042 (setuid/setgid): file modes set by chmod, install -m, mkdir -m
// and COPY/ADD --chmod.
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "bulwark/rules/dockerfile/packages_commands.hpp"
#include "bulwark/rules/dockerfile/privilege_checks.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

/// What a mode argument grants (never what it removes).
struct ModeEffect {
    bool other_write = false;
    bool sticky = false;
    bool setuid = false;
    bool setgid = false;
    bool octal = false;
    unsigned value = 0;  // the octal value
};

std::optional<ModeEffect> parse_octal(std::string_view mode) {
    if (mode.empty() || mode.size() > 5 || mode.find_first_not_of("01234567") != std::string_view::npos) {
        return std::nullopt;
    }
    ModeEffect e;
    e.octal = true;
    for (char ch : mode) {
        e.value = e.value * 8 + static_cast<unsigned>(ch - '0');
    }
    e.other_write = (e.value & 02U) != 0;
    e.sticky = (e.value & 01000U) != 0;
    e.setgid = (e.value & 02000U) != 0;
    e.setuid = (e.value & 04000U) != 0;
    return e;
}

/// Symbolic modes: comma-separated clauses `[ugoa]*([+=-][rwxXst]*)+`.
std::optional<ModeEffect> parse_symbolic(std::string_view mode) {
    ModeEffect e;
    for (std::string_view clause : util::split(mode, ',')) {
        size_t i = 0;
        std::string_view who;
        while (i < clause.size() && std::string_view("ugoa").find(clause[i]) != std::string_view::npos) {
            ++i;
        }
        who = clause.substr(0, i);
        if (i >= clause.size()) {
            return std::nullopt;
        }
        bool all = who.empty() || who.find('a') != std::string_view::npos;
        bool user = all || who.find('u') != std::string_view::npos;
        bool group = all || who.find('g') != std::string_view::npos;
        bool other = all || who.find('o') != std::string_view::npos;
        while (i < clause.size()) {
            char op = clause[i++];
            if (op != '+' && op != '=' && op != '-') {
                return std::nullopt;
            }
            size_t start = i;
            while (i < clause.size() &&
                   std::string_view("rwxXstugo").find(clause[i]) != std::string_view::npos) {
                ++i;
            }
            std::string_view perms = clause.substr(start, i - start);
            if (op == '-') {
                continue;
            }
            // Without a "who", the umask (022 in builds) keeps w away from group and others.
            if (perms.find('w') != std::string_view::npos && other && !who.empty()) {
                e.other_write = true;
            }
            if (perms.find('s') != std::string_view::npos) {
                e.setuid = e.setuid || user;
                e.setgid = e.setgid || group;
            }
            if (perms.find('t') != std::string_view::npos) {
                e.sticky = true;
            }
        }
    }
    return e;
}

std::optional<ModeEffect> parse_mode(std::string_view mode) {
    if (auto e = parse_octal(mode)) {
        return e;
    }
    return parse_symbolic(mode);
}

/// Where a mode is set: the mode word, the paths it applies to, and how to report it.
/// Its strings are views into the model, which outlives the rule cache that keeps the sites.
struct ModeSite {
    std::string mode;
    std::vector<std::string_view> paths;
    std::vector<const shell::Word*> path_words;  // the words of `paths` in a RUN
    std::string_view tool;                       // "chmod", "install -m", "COPY --chmod" ...
    bool recursive = false;
    // One of the two locations below.
    const RunCommand* run = nullptr;
    std::span<const RunCommand> later;  // the commands after it in the same RUN
    const shell::Word* word = nullptr;
    model::Range range;
};

void collect_run_sites(const RunView& view, std::vector<ModeSite>& out) {
    std::span<const RunCommand> cmds = view.commands();
    for (size_t i = 0; i < cmds.size(); ++i) {
        const RunCommand& c = cmds[i];
        if (c.argv.empty() || (c.program != "chmod" && c.program != "install" && c.program != "mkdir")) {
            continue;  // sets no mode (checked before building a site: most commands)
        }
        ModeSite site;
        site.run = &c;
        site.later = cmds.subspan(i + 1);
        if (c.program == "chmod") {
            if (shell::has_option(c.argv, "", {"reference"})) {
                continue;
            }
            // Modes like -w look like options to getopt; chmod reads them as modes (removals only).
            std::vector<const shell::Word*> ops = shell::operands(c.argv);
            if (ops.empty()) {
                continue;
            }
            site.word = ops.front();
            site.mode = ops.front()->value;
            for (size_t k = 1; k < ops.size(); ++k) {
                site.paths.push_back(ops[k]->value);
                site.path_words.push_back(ops[k]);
            }
            site.tool = "chmod";
            site.recursive = shell::has_option(c.argv, "R", {"recursive"});
        } else if (c.program == "install" || c.program == "mkdir") {
            shell::OptionList takes = {"-m", "--mode",   "-o",       "--owner",
                                       "-g", "--group",  "-t",       "--target-directory",
                                       "-S", "--suffix", "--context"};
            const shell::Word* w = shell::option_word(c.argv, "m", {"mode"}, takes);
            auto mode = shell::option_value(c.argv, "m", {"mode"}, takes);
            if (w == nullptr || !mode) {
                continue;
            }
            site.word = w;
            site.mode = *mode;
            std::vector<const shell::Word*> ops = shell::operands(c.argv, takes);
            bool dirs = c.program == "mkdir" || shell::has_option(c.argv, "d", {"directory"}, takes);
            for (size_t k = dirs ? 0 : (ops.empty() ? 0 : ops.size() - 1); k < ops.size(); ++k) {
                site.paths.push_back(ops[k]->value);
                site.path_words.push_back(ops[k]);
            }
            site.tool = c.program == "mkdir" ? "mkdir -m" : "install -m";
        } else {
            continue;
        }
        out.push_back(std::move(site));
    }
}

void collect_copy_site(const model::Instruction& ins, std::vector<ModeSite>& out) {
    const model::Flag* f = ins.flag("chmod");
    if (f == nullptr || !f->has_value) {
        return;
    }
    ModeSite site;
    site.mode = f->value;
    site.range = f->range;
    site.tool = ins.kind == model::InstructionKind::add ? "ADD --chmod" : "COPY --chmod";
    if (ins.json_form && !ins.json.empty()) {
        site.paths.push_back(ins.json.back().value);
    } else if (!ins.words.empty()) {
        site.paths.push_back(ins.words.back().value);
    }
    out.push_back(std::move(site));
}

/// The mode sites of every instruction of `df` that reaches the shipped image, in instruction
/// order, collected once per analyzed Dockerfile for both mode rules (BD041, BD042).
const std::vector<ModeSite>& mode_sites(const model::Dockerfile& df) {
    using Sites = std::vector<ModeSite>;
    std::shared_ptr<void>& slot = rule_cache_slot(df, cache_slot::mode_sites);
    if (!slot) {
        auto all = std::make_shared<Sites>();
        for (const model::Instruction& ins : df.instructions) {
            if (!reaches_shipped_image(df, ins)) {
                continue;
            }
            if (ins.kind == model::InstructionKind::copy || ins.kind == model::InstructionKind::add) {
                collect_copy_site(ins, *all);
            } else if (ins.kind == model::InstructionKind::run) {
                const RunView& view = run_view(df, ins);
                // collect_run_sites() looks at chmod, install and mkdir only.
                constexpr uint64_t k_mode_programs =
                    program_bit("chmod") | program_bit("install") | program_bit("mkdir");
                if ((view.programs() & k_mode_programs) != 0) {
                    collect_run_sites(view, *all);
                }
            }
        }
        slot = std::move(all);
    }
    return *static_cast<const Sites*>(slot.get());
}

/// Every mode set by an instruction of a stage whose files reach the shipped image.
template <typename F>
void for_each_mode(const model::Dockerfile& df, F&& f) {
    for (const ModeSite& s : mode_sites(df)) {
        f(s);
    }
}

/// True when every path of `s` is deleted, or given a mode `safe` accepts, later in the same RUN
/// (`chmod 666 /etc/sudoers && echo ... >> /etc/sudoers && chmod 440 /etc/sudoers`).
template <typename Safe>
bool undone_later(const ModeSite& s, Safe&& safe) {
    if (s.paths.empty() || s.later.empty()) {
        return false;
    }
    for (std::string_view path : s.paths) {
        bool undone = false;
        for (const RunCommand& c : s.later) {
            if (c.program == "rm") {
                for (const shell::Word* op : shell::operands(c.argv)) {
                    undone = undone || path_covers(op->value, path);
                }
            } else if (c.program == "chmod") {
                std::vector<const shell::Word*> ops = shell::operands(c.argv);
                if (ops.size() < 2) {
                    continue;
                }
                auto e = parse_mode(ops.front()->value);
                for (size_t i = 1; i < ops.size() && e; ++i) {
                    undone = undone || (ops[i]->value == path && safe(*e));
                }
            }
        }
        if (!undone) {
            return false;
        }
    }
    return true;
}

void report_site(Reporter& out, const ModeSite& s, std::string message, std::string fix) {
    if (s.run != nullptr) {
        report_words(out, *s.run, *s.word, *s.word, std::move(message), std::move(fix));
    } else {
        out.report(s.range, std::move(message), std::move(fix));
    }
}

std::string joined_paths(const ModeSite& s) {
    std::string out;
    for (std::string_view p : s.paths) {
        if (!out.empty()) {
            out += ' ';
        }
        out += p;
    }
    return out.empty() ? std::string("its target") : out;
}

/// The command with the mode replaced (`chmod -R 755 /data`), for octal modes.
std::string with_mode(const ModeSite& s, unsigned mode) {
    std::string m = fmt::format("{:o}", mode);
    if (s.run == nullptr) {
        return fmt::format("{}={}", s.tool, m);
    }
    std::string paths;
    for (const shell::Word* w : s.path_words) {
        paths += (paths.empty() ? "" : " ") + shell::shell_text(*w);
    }
    return fmt::format("{}{} {} {}", s.tool, s.recursive ? " -R" : "", m,
                       paths.empty() ? std::string("its target") : paths);
}

bool in_bin_dir(std::string_view path) {
    return path.find("/bin/") != std::string_view::npos || path.find("/sbin/") != std::string_view::npos ||
           path.find("/libexec/") != std::string_view::npos || util::starts_with(path, "bin/") ||
           util::starts_with(path, "sbin/");
}

}  // namespace

void check_world_writable(const DockerfileContext& ctx, Reporter& out) {
    for_each_mode(ctx.dockerfile, [&](const ModeSite& s) {
        auto e = parse_mode(s.mode);
        if (!e || !e->other_write || e->sticky ||
            undone_later(s, [](const ModeEffect& later) { return later.octal && !later.other_write; })) {
            return;
        }
        std::string fix = e->octal ? with_mode(s, e->value & ~022U)
                                   : "chown the path to the user that writes it and drop the o+w/a+w";
        report_site(out, s,
                    fmt::format("{} {} makes {} writable by every user in the container{}", s.tool, s.mode,
                                joined_paths(s), s.recursive ? " (recursively)" : ""),
                    fix);
    });
}

void check_setuid(const DockerfileContext& ctx, Reporter& out) {
    for_each_mode(ctx.dockerfile, [&](const ModeSite& s) {
        auto e = parse_mode(s.mode);
        if (!e || !(e->setuid || e->setgid) || undone_later(s, [](const ModeEffect& later) {
                return later.octal && !later.setuid && !later.setgid;
            })) {
            return;
        }
        if (!e->setuid) {
            // setgid alone: on directories it only sets group inheritance.
            bool binary = false;
            for (std::string_view p : s.paths) {
                binary = binary || in_bin_dir(p);
            }
            if (!binary || s.recursive) {
                return;
            }
        }
        std::string_view bits = e->setuid && e->setgid ? "setuid and setgid bits"
                                : e->setuid            ? "setuid bit"
                                                       : "setgid bit";
        std::string fix = e->octal ? with_mode(s, e->value & 01777U)
                                   : "drop the +s; run the step as root or grant one capability with setcap";
        report_site(out, s,
                    fmt::format("{} {} sets the {} on {}: whoever runs it gains its owner's rights", s.tool,
                                s.mode, bits, joined_paths(s)),
                    fix);
    });
}

}  // namespace bulwark::rules::dockerfile
