#include "bulwark/rules/dockerfile/packages_managers.hpp"

#include <array>
#include <cctype>
#include <unordered_map>

#include "bulwark/rules/ascii.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

/// Go's single-dash flags that take a value (`-ldflags "-s -w"`).
bool go_flag_takes_value(std::string_view w) {
    static const char* const k_flags[] = {"-C",         "-o",        "-p",        "-mod",      "-modfile",
                                          "-tags",      "-ldflags",  "-gcflags",  "-asmflags", "-buildmode",
                                          "-compiler",  "-pkgdir",   "-toolexec", "-overlay",  "-pgo",
                                          "-covermode", "-coverpkg", "-buildvcs"};
    for (const char* f : k_flags) {
        if (w == f || (w.size() > 1 && w[1] == '-' && w.substr(1) == f)) {
            return std::string_view(f) != "-buildvcs";
        }
    }
    return false;
}

/// `go install` operands: go's flags are single-dash words, not getopt groups.
void go_operands(PackageCommand& pc, std::span<const shell::Word> argv) {
    size_t i = 1;
    while (i < argv.size() && util::starts_with(argv[i].value, "-")) {
        i += go_flag_takes_value(argv[i].value) && argv[i].value.find('=') == std::string::npos ? 2 : 1;
    }
    if (i >= argv.size()) {
        return;
    }
    pc.subcommand = argv[i].value;
    pc.subcommand_word = &argv[i];
    for (size_t j = i + 1; j < argv.size(); ++j) {
        const shell::Word& w = argv[j];
        if (util::starts_with(w.value, "-")) {
            if (go_flag_takes_value(w.value) && w.value.find('=') == std::string::npos) {
                ++j;
            }
            continue;
        }
        pc.operands.push_back(&w);
    }
}

bool has_digit_version_after_dash(std::string_view s, size_t* version_at) {
    // name-version: a dash followed by a digit, with no later "-<letter>" (java-17-openjdk is a name).
    for (size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] != '-' || !std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
            continue;
        }
        bool letter_part = false;
        for (size_t j = i + 1; j + 1 < s.size(); ++j) {
            if (s[j] == '-' && std::isalpha(static_cast<unsigned char>(s[j + 1]))) {
                letter_part = true;
                break;
            }
        }
        if (!letter_part) {
            if (version_at != nullptr) {
                *version_at = i;
            }
            return true;
        }
    }
    return false;
}

bool is_local_or_url(std::string_view op) {
    return op.starts_with("./") || op.starts_with("../") || op.starts_with("/") || op.starts_with("~/") ||
           op == "." || op == ".." || op.find("://") != std::string_view::npos;
}

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> tails) {
    for (std::string_view t : tails) {
        if (s.ends_with(t)) {
            return true;
        }
    }
    return false;
}

}  // namespace

const PackageManager* manager_of(const RunCommand& c) {
    if (c.program.empty()) {
        return nullptr;
    }
    // Every command of every RUN asks: one lookup instead of a scan of every manager's word list.
    struct Index {
        std::unordered_map<std::string_view, const PackageManager*> by_program;
        // Bit (size % 64) of shapes[first byte] is set when some program name has that first byte
        // and size: most commands (cd, rm, echo...) are rejected here, before hashing.
        std::array<uint64_t, 256> shapes{};
    };
    static const Index k_index = [] {
        Index index;
        for (const PackageManager& m : package_managers()) {
            for (std::string_view name : util::split(m.programs, ' ')) {
                if (!name.empty()) {
                    index.by_program.emplace(name, &m);  // the first manager listing a name wins
                    index.shapes[static_cast<unsigned char>(name[0])] |= uint64_t{1} << (name.size() % 64);
                }
            }
        }
        return index;
    }();
    if ((k_index.shapes[static_cast<unsigned char>(c.program[0])] >> (c.program.size() % 64) & 1U) == 0) {
        return nullptr;
    }
    const auto& k_by_program = k_index.by_program;
    auto it = k_by_program.find(c.program);
    return it == k_by_program.end() ? nullptr : it->second;
}

bool PackageCommand::has_option(std::string_view short_letters,
                                std::initializer_list<std::string_view> long_names) const {
    return shell::has_option(argv, short_letters, long_names, manager->value_options);
}

std::optional<PackageCommand> package_command(const RunCommand& c) {
    const PackageManager* m = manager_of(c);
    if (m == nullptr) {
        return std::nullopt;
    }
    PackageCommand pc;
    pc.run = &c;
    pc.manager = m;
    pc.argv = c.argv;
    if (m->pin == PinStyle::go) {
        go_operands(pc, c.argv);
        pc.install = in_word_list(m->install, pc.subcommand);
        return pc;
    }
    std::span<const shell::Word> sub = shell::subcommand_argv(c.argv, m->value_options);
    if (!sub.empty()) {
        pc.subcommand = sub[0].value;
        pc.subcommand_word = &sub[0];
        pc.operands = shell::subcommand_operands(c.argv, m->value_options);
    }
    if (m->cache == CacheKind::yarn) {
        if (pc.subcommand == "global" && !pc.operands.empty()) {
            // `yarn global add x`: the real subcommand is the first operand.
            pc.subcommand_word = pc.operands.front();
            pc.subcommand = pc.subcommand_word->value;
            pc.operands.erase(pc.operands.begin());
        } else if (sub.empty()) {
            pc.subcommand = "install";  // a bare `yarn` installs
        }
    }
    pc.install = in_word_list(m->install, pc.subcommand);
    return pc;
}

namespace {

/// The package commands of `cmds` into `out`, with each command's index in them (or -1) in `at`.
[[gnu::noinline]] void compute_package_commands(std::span<const RunCommand> cmds,
                                                std::vector<PackageCommand>& out, std::vector<int>& at) {
    // Commands whose name shares a bit with a manager's are marked -2 first (few of a RUN, even one
    // that installs), so that `out` is allocated once.
    constexpr int k_candidate = -2;
    const uint64_t managers = manager_program_bits();
    at.assign(cmds.size(), -1);
    size_t candidates = 0;
    for (size_t i = 0; i < cmds.size(); ++i) {
        if ((program_bit(cmds[i].program) & managers) != 0) {
            at[i] = k_candidate;
            ++candidates;
        }
    }
    out.reserve(candidates);
    for (size_t i = 0; i < cmds.size(); ++i) {
        if (at[i] != k_candidate) {
            continue;
        }
        at[i] = -1;
        if (auto pc = package_command(cmds[i])) {
            at[i] = static_cast<int>(out.size());
            out.push_back(std::move(*pc));
        }
    }
    if (out.empty()) {
        at.clear();
    }
}

}  // namespace

uint64_t manager_program_bits() {
    static const uint64_t k_bits = [] {
        uint64_t bits = 0;
        for (const PackageManager& m : package_managers()) {
            for (std::string_view name : util::split(m.programs, ' ')) {
                if (!name.empty()) {
                    bits |= program_bit(name);
                }
            }
        }
        return bits;
    }();
    return k_bits;
}

const std::vector<PackageCommand>& package_commands(const RunView& run) {
    if (!run.m_packages_done) {
        // No program manager_of() knows (most RUNs): nothing to compute.
        if ((run.programs() & manager_program_bits()) != 0) {
            compute_package_commands(run.commands(), run.m_packages, run.m_package_at);
        }
        run.m_packages_done = true;
    }
    return run.m_packages;
}

const PackageCommand* package_command_at(const RunView& run, size_t i) {
    return run.package_at(i);
}

std::string command_line(const PackageCommand& cmd, std::string_view insert) {
    const shell::Word* after = cmd.subcommand_word != nullptr ? cmd.subcommand_word : &cmd.argv.front();
    std::string out;
    for (const shell::Word& w : cmd.argv) {
        if (!out.empty()) {
            out += ' ';
        }
        out += shell::shell_text(w);
        if (&w == after && !insert.empty()) {
            out += ' ';
            out += insert;
        }
    }
    return out;
}

bool removes_cache(const RunCommand& c, const PackageManager& m) {
    if (c.program != "rm") {
        return false;
    }
    for (const shell::Word* op : shell::operands(c.argv)) {
        for (std::string_view dir : util::split(m.cache_dirs, ' ')) {
            if (!dir.empty() && path_covers(op->value, dir)) {
                return true;
            }
        }
    }
    return false;
}

bool cleans_cache(const PackageCommand& cmd, const PackageManager& m) {
    if (cmd.manager->family != m.family || m.clean.empty()) {
        return false;
    }
    for (std::string_view phrase : util::split(m.clean, ',')) {
        size_t sp = phrase.find(' ');
        std::string_view first = phrase.substr(0, sp);
        std::string_view second = sp == std::string_view::npos ? std::string_view{} : phrase.substr(sp + 1);
        if (cmd.subcommand != first) {
            continue;
        }
        if (second.empty() || (!cmd.operands.empty() && cmd.operands.front()->value == second)) {
            return true;
        }
    }
    return false;
}

std::string_view package_name(const PackageManager& m, std::string_view op) {
    size_t cut = std::string_view::npos;
    switch (m.pin) {
        case PinStyle::equals:
            cut = find_first_of(op, m.family == "apt" ? "=:" : "=<>~");
            break;
        case PinStyle::rpm: {
            size_t at = 0;
            if (has_digit_version_after_dash(op, &at)) {
                cut = at;
            }
            break;
        }
        case PinStyle::pip:
            cut = find_first_of(op, "=<>!~[@; ");
            break;
        case PinStyle::npm:
            cut = op.find('@', 1);
            break;
        case PinStyle::gem:
            cut = op.find(':');
            break;
        case PinStyle::go:
            cut = op.find('@');
            break;
        case PinStyle::none:
            break;
    }
    return op.substr(0, cut);
}

bool is_pinned(const PackageManager& m, std::string_view op) {
    switch (m.pin) {
        case PinStyle::equals:
            if (is_local_or_url(op) || ends_with_any(op, {".deb", ".apk", ".rpm"})) {
                return true;
            }
            if (m.family == "zypper" && has_digit_version_after_dash(op, nullptr)) {
                return true;
            }
            return find_first_of(op, m.family == "apt" ? "=" : "=<>~") != std::string_view::npos;
        case PinStyle::rpm:
            return util::starts_with(op, "@") || is_local_or_url(op) || util::ends_with(op, ".rpm") ||
                   has_digit_version_after_dash(op, nullptr);
        case PinStyle::pip:
            if (op.find("://") != std::string_view::npos) {
                // A VCS or archive URL: pinned when it names a revision or a file.
                return op.find('@', op.find("://") + 3) != std::string_view::npos ||
                       ends_with_any(op, {".whl", ".tar.gz", ".zip", ".tgz"});
            }
            return is_local_or_url(op) || ends_with_any(op, {".whl", ".tar.gz", ".zip", ".tgz"}) ||
                   find_first_of(op, "=<>!~@") != std::string_view::npos;
        case PinStyle::npm: {
            if (is_local_or_url(op) || ends_with_any(op, {".tgz", ".tar.gz"}) ||
                util::starts_with(op, "git") || util::starts_with(op, "github:") ||
                util::starts_with(op, "file:")) {
                return true;
            }
            size_t at = op.find('@', 1);
            return at != std::string_view::npos && op.substr(at + 1) != "latest" && at + 1 < op.size();
        }
        case PinStyle::gem:
            return op.find(':') != std::string_view::npos || util::ends_with(op, ".gem") ||
                   is_local_or_url(op);
        case PinStyle::go: {
            if (util::starts_with(op, ".") || util::starts_with(op, "/")) {
                return true;
            }
            size_t at = op.find('@');
            if (at == std::string_view::npos) {
                return true;  // inside a module: the version comes from go.mod
            }
            std::string_view v = op.substr(at + 1);
            return v != "latest" && v != "master" && v != "main" && v != "HEAD";
        }
        case PinStyle::none:
            return true;
    }
    return true;
}

}  // namespace bulwark::rules::dockerfile
