// BD032 (download piped into a shell), BD033 (download used without an integrity check) and BD036
// (both curl and wget).
#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/rules/ascii.hpp"
#include "bulwark/rules/dockerfile/supply_chain_checks.hpp"
#include "bulwark/rules/dockerfile/supply_chain_common.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::supply {

namespace {

namespace shell = model::shell;
using core::Severity;

/// The URL `d` downloads as a word of a fix: quoted as needed, its `$` expansions kept, never a glob
/// (`'https://host/get?a=1&b=2'`, `"${BASE}?a=1&b=2"`); "" when there is none.
std::string url_text(const Download& d) {
    if (d.url.empty()) {
        return {};
    }
    return d.url_word != nullptr && d.url_word->value == d.url ? shell::shell_text(*d.url_word, false)
                                                               : util::shell_quote_expanding(d.url);
}

/// The file `d` writes as a word of a fix: its -o/-O word when that names it, else the name taken
/// from the URL (with the URL's expansions kept).
std::string file_text(const Download& d) {
    if (d.output_word != nullptr && d.output_word->value == d.file) {
        return shell::shell_text(*d.output_word, false);
    }
    return util::shell_quote_expanding(d.file);
}

/// `echo "<sha256>  FILE" | sha256sum -c -` for the file named `value`, written `word` in the fix
/// (file_text()). Inside the double quotes only `$`, backquotes, `"` and `\` are special: a name
/// without them goes in as it is, an unquoted word (`/tmp/${V}.tgz`) too, any other quoted word is
/// joined to the quoted prefix (`"<sha256>  "'/tmp/$x'`), one word to the shell either way.
std::string checksum_check(std::string_view value, std::string_view word) {
    bool quoted = !word.empty() && (word.front() == '\'' || word.front() == '"');
    if (!quoted || value.find_first_of("$`\"\\") == std::string_view::npos) {
        return fmt::format("echo \"<sha256>  {}\" | sha256sum -c -", quoted ? value : word);
    }
    return fmt::format("echo \"<sha256>  \"{} | sha256sum -c -", word);
}

/// The directory part of `path` ("" when it has none).
std::string_view parent_directory(std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash == 0 ? 1 : slash);
}

std::string script_path_for(std::string_view url) {
    std::string_view base = url.substr(0, find_first_of(url, "?#"));
    size_t slash = base.rfind('/');
    base = slash == std::string_view::npos ? base : base.substr(slash + 1);
    if (base.empty() || base.find('$') != std::string_view::npos) {
        base = "install.sh";
    }
    return "/tmp/" + std::string(base);
}

std::string verified_run_fix(const Download& d, std::string_view runner) {
    std::string name = script_path_for(d.url);
    std::string path = util::shell_quote(name);
    std::string url = url_text(d);
    std::string fetch = d.tool == "wget" ? fmt::format("wget -qO {} {}", path, url)
                                         : fmt::format("curl -fsSLo {} {}", path, url);
    return fmt::format("{} && {} && {} {}", fetch, checksum_check(name, path), runner, path);
}

void report_pipe(Reporter& out, const model::ShellBody& body, const shell::Command& from,
                 const shell::Command& to, const Download& d, std::string_view how) {
    std::string_view runner = shell::program(to);
    out.report(
        body.text, std::min(from.begin, to.begin), std::max(from.end, to.end),
        fmt::format("{} {} {}: the downloaded script runs unverified, so whoever controls the server, DNS "
                    "or network path runs code in the build",
                    d.tool, d.url.empty() ? std::string("(a URL)") : d.url, how),
        verified_run_fix(d, runner.empty() ? "sh" : runner));
}

}  // namespace

void check_pipe_to_shell(const DockerfileContext& ctx, Reporter& out) {
    if ((program_bits(ctx.dockerfile) & k_download_programs) == 0) {
        return;
    }
    std::span<const uint64_t> programs = instruction_program_bits(ctx.dockerfile);
    for (size_t n = 0; n < ctx.dockerfile.instructions.size(); ++n) {
        if ((programs[n] & k_download_programs) == 0) {
            continue;  // no command download_of() knows
        }
        const model::Instruction& inst = ctx.dockerfile.instructions[n];
        for (const model::ShellBody& body : inst.shell) {
            const shell::Script& s = body.script;
            std::span<const CommandFacts> facts = command_facts(ctx.dockerfile, inst, body);
            for (size_t i = 0; i < s.commands.size(); ++i) {
                const shell::Command& c = s.commands[i];
                const Download* d = download_of(ctx.dockerfile, c, facts[i]);
                if (!d || !d->to_stdout) {
                    continue;
                }
                // curl ... | sh, | sudo bash -s, | tee x | python3 -
                bool reported = false;
                if (c.next == shell::Connector::pipe) {
                    bool after = false;
                    for (const shell::Command* p : shell::pipeline_commands(s, c.pipeline)) {
                        if (p == &c) {
                            after = true;
                            continue;
                        }
                        if (after && runs_stdin(*p)) {
                            report_pipe(out, body, c, *p, *d,
                                        fmt::format("is piped into {}", shell::program(*p)));
                            reported = true;
                            break;
                        }
                    }
                }
                // sh -c "$(curl ...)", bash <(curl ...), eval "$(wget -qO- ...)"
                if (!reported && c.in_substitution && c.parent >= 0 &&
                    static_cast<size_t>(c.parent) < s.commands.size()) {
                    const shell::Command& runner = s.commands[static_cast<size_t>(c.parent)];
                    if (runs_arguments(runner)) {
                        report_pipe(out, body, runner, runner, *d,
                                    fmt::format("output is run by {}", shell::program(runner)));
                    }
                }
            }
        }
    }
}

namespace {

enum class UseKind { none, run, install, extract };

struct Use {
    UseKind kind = UseKind::none;
    std::string how;
};

std::string_view strip_dot(std::string_view p) {
    while (util::starts_with(p, "./")) {
        p.remove_prefix(2);
    }
    return p;
}

bool same_file(std::string_view a, std::string_view b) {
    a = strip_dot(a);
    b = strip_dot(b);
    if (a.empty() || b.empty()) {
        return false;
    }
    if (a == b) {
        return true;
    }
    bool a_rel = a.find('/') == std::string_view::npos;
    bool b_rel = b.find('/') == std::string_view::npos;
    return (a_rel || b_rel) && shell::basename(a) == shell::basename(b);
}

bool any_operand(const std::vector<const shell::Word*>& ops, std::string_view file, size_t from = 0) {
    for (size_t i = from; i < ops.size(); ++i) {
        if (same_file(ops[i]->value, file)) {
            return true;
        }
    }
    return false;
}

const shell::OptionList k_tar_values = {"-f",
                                        "-C",
                                        "-T",
                                        "-X",
                                        "-b",
                                        "-H",
                                        "-K",
                                        "-L",
                                        "-N",
                                        "-V",
                                        "-g",
                                        "--file",
                                        "--directory",
                                        "--files-from",
                                        "--exclude-from",
                                        "--transform",
                                        "--strip-components",
                                        "--exclude",
                                        "--owner",
                                        "--group",
                                        "--mode"};

/// True when `argv` is a tar extraction; `archive` gets the -f value ("" for stdin).
bool tar_extracts(std::span<const shell::Word> argv, std::string& archive) {
    if (argv.size() > 1 && !argv[1].value.empty() && argv[1].value[0] != '-') {
        // Old style: tar xzf FILE
        std::string_view keys = argv[1].value;
        if (keys.find('x') == std::string_view::npos) {
            return false;
        }
        size_t f = keys.find('f');
        archive = f != std::string_view::npos && argv.size() > 2 ? argv[2].value : "";
        if (archive == "-") {
            archive.clear();
        }
        return true;
    }
    if (!shell::has_option(argv, "x", {"extract", "get"}, k_tar_values)) {
        return false;
    }
    archive = shell::option_value(argv, "f", {"file"}, k_tar_values).value_or("");
    if (archive == "-") {
        archive.clear();
    }
    return true;
}

bool decompresses(std::span<const shell::Word> argv) {
    std::string_view prog = shell::basename(argv[0].value);
    if (prog == "gunzip" || prog == "bunzip2" || prog == "unxz" || prog == "unzstd" || prog == "unzip" ||
        prog == "funzip" || prog == "bsdtar" || prog == "unlzma") {
        return true;
    }
    return (prog == "gzip" || prog == "xz" || prog == "bzip2" || prog == "zstd" || prog == "lzma") &&
           shell::has_option(argv, "d", {"decompress"});
}

bool executable_mode(std::string_view mode) {
    if (mode.find('x') != std::string_view::npos) {
        return mode.find('-') == std::string_view::npos || mode.find('+') != std::string_view::npos;
    }
    return !mode.empty() &&
           std::all_of(mode.begin(), mode.end(), [](char c) { return c >= '0' && c <= '7'; }) &&
           std::any_of(mode.begin(), mode.end(), [](char c) { return (c - '0') % 2 == 1; });
}

/// How command `c` uses the downloaded `file`, if it does.
Use use_of(const shell::Command& c, std::string_view file) {
    std::span<const shell::Word> argv = shell::effective_argv(c);
    if (argv.empty()) {
        return {};
    }
    std::string_view prog = shell::basename(argv[0].value);
    if (same_file(argv[0].value, file) && argv[0].value.find('/') != std::string::npos) {
        return {UseKind::run, "runs it"};
    }
    std::vector<const shell::Word*> ops = shell::operands(argv, {"-o", "+o", "-O", "+O", "-W", "-X", "-m"});
    if (runs_arguments(c) && prog != "eval" && !shell::has_option(argv, "cen", {})) {
        if (!ops.empty() && same_file(ops.front()->value, file)) {
            return {UseKind::run, fmt::format("runs it with {}", prog)};
        }
        return {};
    }
    if (prog == "java") {
        for (size_t i = 1; i + 1 < argv.size(); ++i) {
            if (argv[i].value == "-jar" && same_file(argv[i + 1].value, file)) {
                return {UseKind::run, "runs it with java -jar"};
            }
        }
        return {};
    }
    if (prog == "chmod") {
        if (ops.size() >= 2 && executable_mode(ops.front()->value) && any_operand(ops, file, 1)) {
            return {UseKind::install, fmt::format("makes it executable (chmod {})", ops.front()->value)};
        }
        return {};
    }
    if (prog == "install") {
        std::vector<const shell::Word*> iops = shell::operands(
            argv, {"-m", "--mode", "-o", "--owner", "-g", "--group", "-t", "--target-directory"});
        if (!iops.empty() && same_file(iops.front()->value, file)) {
            return {UseKind::install, "installs it (install)"};
        }
        return {};
    }
    if (prog == "dpkg" && shell::has_option(argv, "i", {"install"}) && any_operand(ops, file)) {
        return {UseKind::install, "installs it with dpkg -i"};
    }
    if (prog == "rpm" && shell::has_option(argv, "iUF", {"install", "upgrade", "freshen"}) &&
        any_operand(ops, file)) {
        return {UseKind::install, "installs it with rpm"};
    }
    if (prog == "apt-get" || prog == "apt" || prog == "yum" || prog == "dnf" || prog == "microdnf" ||
        prog == "tdnf" || prog == "zypper" || prog == "apk" || prog == "gdebi" ||
        util::starts_with(prog, "pip")) {
        std::string_view sub = shell::subcommand(argv, {"-o", "-c", "-t", "-X", "-p", "--root", "--repo"});
        if ((sub == "install" || sub == "localinstall" || sub == "add" || sub == "reinstall" ||
             prog == "gdebi") &&
            any_operand(ops, file, prog == "gdebi" ? 0 : 1)) {
            return {UseKind::install, fmt::format("installs it with {}", prog)};
        }
        return {};
    }
    std::string archive;
    if (prog == "tar" && tar_extracts(argv, archive)) {
        if (same_file(archive, file)) {
            return {UseKind::extract, "extracts it with tar"};
        }
        return {};
    }
    if (decompresses(argv) && any_operand(ops, file)) {
        return {UseKind::extract, fmt::format("extracts it with {}", prog)};
    }
    if ((prog == "7z" || prog == "7za") && any_operand(ops, file, 1)) {
        return {UseKind::extract, fmt::format("extracts it with {}", prog)};
    }
    return {};
}

/// use_of() for command `rc` with its words that hold expansions as they read when the RUN runs
/// (resolved_word(): `tar -xzf "${URL##*/}"`, `unzip $(basename $URL)`); none when it has no
/// such word or none is known.
Use use_with_values(const model::Dockerfile& df, const model::Instruction& run, const RunCommand& rc,
                    std::string_view file) {
    const shell::Command& c = rc.command();
    if (std::none_of(c.argv.begin(), c.argv.end(), [](const shell::Word& w) { return w.dynamic; })) {
        return {};
    }
    shell::Command known = c;
    bool changed = false;
    for (shell::Word& w : known.argv) {
        if (!w.dynamic) {
            continue;
        }
        if (std::optional<std::string> v = resolved_word(df, run, *rc.body, rc.index, w)) {
            w.value = std::move(*v);
            w.dynamic = false;
            w.expansions.clear();
            changed = true;
        }
    }
    return changed ? use_of(known, file) : Use{};
}

/// True when the URL names content by a full commit id (raw files at a commit cannot change).
bool pinned_to_commit(std::string_view url) {
    for (std::string_view part : util::split(url, '/')) {
        if (part.size() == 40 && std::all_of(part.begin(), part.end(), [](char ch) {
                return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
            })) {
            return true;
        }
    }
    return false;
}

/// Text `text` (the body text from offset `base`) with the words of `edits` replaced.
struct WordEdit {
    const shell::Word* word = nullptr;
    std::string text;
};

std::string with_edits(std::string text, uint32_t base, std::vector<WordEdit> edits) {
    std::sort(edits.begin(), edits.end(),
              [](const WordEdit& a, const WordEdit& b) { return a.word->begin > b.word->begin; });
    for (const WordEdit& e : edits) {
        if (e.word->begin < base || e.word->end < e.word->begin || e.word->end - base > text.size()) {
            continue;
        }
        text.replace(e.word->begin - base, e.word->end - e.word->begin, e.text);
    }
    return text;
}

/// The replacement of the word holding an option's value "-" (stdout/stdin) by `file`: the value
/// word itself, or "-O-" -> "-O <file>", "--output-document=-" -> "--output-document=<file>".
std::string value_replaced(const shell::Word& w, const std::string& file) {
    if (w.value == "-") {
        return file;
    }
    std::string_view flag = std::string_view(w.value).substr(0, w.value.size() - 1);
    return fmt::format("{}{}{}", flag, util::ends_with(flag, "=") ? "" : " ", file);
}

/// The download command `c` of `body`, saving to `file` instead of writing to stdout.
std::string download_to_file(const model::ShellBody& body, const shell::Command& c, const Download& d,
                             const std::string& file) {
    std::string text = command_text(body, c);
    if (d.output_word != nullptr && util::ends_with(d.output_word->value, "-")) {
        return with_edits(std::move(text), c.begin, {{d.output_word, value_replaced(*d.output_word, file)}});
    }
    return fmt::format("{} {} {}", text, d.tool == "wget" ? "-O" : "-o", file);
}

/// Short options of tar that take no value and may share a group with -x (`-xzvf`).
bool tar_flag_group(std::string_view w) {
    return w.size() > 1 && w[0] == '-' && w[1] != '-' &&
           w.find_first_not_of("xzjJZavpkmoO", 1) == std::string_view::npos;
}

/// The pipeline element starting at `first` (the command the download pipes into) reading `file`
/// instead of its standard input, with every option and the rest of the pipeline as written:
/// `tar -C /usr/local -xz --strip-components=1` -> `tar -C /usr/local -xzf <file> --strip-components=1`,
/// `gunzip | tar -x` -> `gunzip < <file> | tar -x`.
std::string extract_from_file(const model::ShellBody& body, const shell::Script& s,
                              const shell::Command& first, const std::string& file) {
    const shell::Command* last = &first;
    for (const shell::Command* n = last; n != nullptr; n = shell::piped_into(s, shell::index_of(s, *n))) {
        last = n;
    }
    const std::string& t = body.text.value;
    if (first.begin >= t.size() || last->end < first.begin) {
        return {};
    }
    std::string text = t.substr(first.begin, std::min<size_t>(last->end, t.size()) - first.begin);
    std::span<const shell::Word> argv = shell::effective_argv(first);
    std::string archive;
    if (!argv.empty() && shell::basename(argv[0].value) == "tar" && tar_extracts(argv, archive)) {
        if (argv.size() > 1 && !argv[1].value.empty() && argv[1].value[0] != '-') {
            // Old style keys: `tar xzf - -C dir`, `tar xz -C dir`.
            std::string_view keys = argv[1].value;
            if (keys.find('f') != std::string_view::npos) {
                return argv.size() > 2 ? with_edits(std::move(text), first.begin, {{&argv[2], file}}) : text;
            }
            return with_edits(std::move(text), first.begin, {{&argv[1], fmt::format("{}f {}", keys, file)}});
        }
        if (const shell::Word* v = shell::option_word(argv, "f", {"file"}, k_tar_values)) {
            if (util::ends_with(v->value, "-")) {
                return with_edits(std::move(text), first.begin, {{v, value_replaced(*v, file)}});
            }
        } else if (const shell::Word* x = option_flag(argv, "x", {"extract", "get"}, k_tar_values);
                   x != nullptr && tar_flag_group(x->value)) {
            return with_edits(std::move(text), first.begin, {{x, fmt::format("{}f {}", x->value, file)}});
        }
    }
    // Any other reader of stdin (gunzip, xz -d, `tar --extract`): its input redirected from the file,
    // after its last argument (before its own redirections).
    uint32_t end = first.end;
    if (!first.argv.empty() && first.argv.back().end >= first.begin && first.argv.back().end <= first.end) {
        end = first.argv.back().end;
    }
    text.insert(std::min<size_t>(end - first.begin, text.size()), " < " + file);
    return text;
}

/// The file the corrected RUN saves a piped archive to: the URL's name under /tmp.
std::string archive_path_for(std::string_view url) {
    std::string base = url_basename(url);
    return base.empty() || base == "index.html" ? std::string("/tmp/archive") : "/tmp/" + base;
}

/// True when a command of the RUN checks a checksum or a signature (`facts` are its command_facts()).
bool verifies(const CommandFacts& facts) {
    std::span<const shell::Word> argv = facts.argv;
    if (argv.empty()) {
        return false;
    }
    std::string_view prog = facts.program;
    static constexpr std::string_view k_verifiers[] = {
        "sha256sum", "sha512sum",     "sha384sum", "sha224sum", "sha1sum",  "md5sum",
        "shasum",    "b2sum",         "gpgv",      "gpgv2",     "cosign",   "minisign",
        "signify",   "slsa-verifier", "sq",        "rekor-cli", "notation", "sha3sum"};
    if (std::find(std::begin(k_verifiers), std::end(k_verifiers), prog) != std::end(k_verifiers)) {
        return true;
    }
    if (prog == "gpg" || prog == "gpg2") {
        return std::any_of(argv.begin(), argv.end(), [](const shell::Word& w) {
            return w.value == "--verify" || w.value == "--verify-files";
        });
    }
    if (prog == "openssl") {
        std::string_view sub = shell::subcommand(argv);
        return sub == "dgst" || sub == "sha256" || sub == "sha512" || sub == "sha1" || sub == "cms" ||
               sub == "smime";
    }
    if (prog == "rpm") {
        return shell::has_option(argv, "K", {"checksig"});
    }
    if (prog == "gh") {
        return shell::subcommand(argv) == "attestation";
    }
    return false;
}

}  // namespace

void check_unverified_download(const DockerfileContext& ctx, Reporter& out) {
    if ((program_bits(ctx.dockerfile) & k_download_programs) == 0) {
        return;
    }
    std::span<const uint64_t> programs = instruction_program_bits(ctx.dockerfile);
    for (size_t n = 0; n < ctx.dockerfile.instructions.size(); ++n) {
        // Most RUNs download nothing: look for a download before looking for a verification.
        if ((programs[n] & k_download_programs) == 0) {
            continue;  // no curl, wget or busybox: no download_of()
        }
        const model::Instruction& inst = ctx.dockerfile.instructions[n];
        bool downloads = false;
        bool verified = false;
        for (const model::ShellBody& body : inst.shell) {
            std::span<const CommandFacts> facts = command_facts(ctx.dockerfile, inst, body);
            for (size_t k = 0; k < facts.size() && !downloads; ++k) {
                downloads = download_of(ctx.dockerfile, body.script.commands[k], facts[k]) != nullptr;
            }
            for (size_t k = 0; k < facts.size() && !verified; ++k) {
                verified = verifies(facts[k]);
            }
        }
        if (!downloads || verified) {
            continue;
        }
        std::vector<RunCommand> cmds = run_commands(inst);
        auto download = [&](const RunCommand& rc) { return download_of(ctx.dockerfile, rc.command()); };
        for (size_t i = 0; i < cmds.size(); ++i) {
            const shell::Command& c = cmds[i].command();
            const Download* d = download(cmds[i]);
            if (!d || pinned_to_commit(d->url)) {
                continue;
            }
            std::optional<Download> named;  // `wget $URL` with the name ARG URL's value gives
            if (d->name_from_variable) {
                std::string file = resolved_download_file(ctx.dockerfile, inst, cmds[i].body->script, *d);
                if (!file.empty()) {
                    named = *d;
                    named->file = std::move(file);
                    d = &*named;
                }
            }
            Use use;
            const shell::Command* extractor = nullptr;
            if (d->to_stdout && c.next == shell::Connector::pipe) {
                // curl ... | tar -xz: extracted straight from the network.
                const shell::Command* next = shell::piped_into(cmds[i].body->script, cmds[i].index);
                if (next != nullptr) {
                    std::span<const shell::Word> argv = shell::effective_argv(*next);
                    std::string archive;
                    if (!argv.empty() && ((shell::basename(argv[0].value) == "tar" &&
                                           tar_extracts(argv, archive) && archive.empty()) ||
                                          decompresses(argv))) {
                        use = {UseKind::extract, fmt::format("pipes it into {}", shell::program(*next))};
                        extractor = next;
                    }
                }
            } else if (!d->file.empty() && d->file != "/dev/null") {
                for (size_t j = i + 1; j < cmds.size() && use.kind == UseKind::none; ++j) {
                    use = use_of(cmds[j].command(), d->file);
                    if (use.kind == UseKind::none) {
                        use = use_with_values(ctx.dockerfile, inst, cmds[j], d->file);
                    }
                }
            }
            if (use.kind == UseKind::none) {
                continue;
            }
            Severity sev = use.kind == UseKind::extract ? Severity::low : Severity::medium;
            std::string fix;
            if (extractor != nullptr) {
                // Download to a file, check it, extract it with the same command and options, remove it.
                std::string name = archive_path_for(d->url);
                std::string file = util::shell_quote_expanding(name);
                fix = fmt::format("{} && {} && {} && rm {}", download_to_file(*cmds[i].body, c, *d, file),
                                  checksum_check(name, file),
                                  extract_from_file(*cmds[i].body, cmds[i].body->script, *extractor, file),
                                  file);
            } else if (d->server_names_file) {
                // -J, --content-disposition: the name is the server's to choose, known only at build time.
                fix = fmt::format(
                    "echo \"<sha256>  <file>\" | sha256sum -c -   (after the download, before "
                    "using it; <file> is the name the server gives, {} if it gives none)",
                    d->file);
            } else {
                fix = fmt::format("{}   (after the download, before using {})",
                                  checksum_check(d->file, file_text(*d)), d->file);
            }
            std::string to;
            if (d->server_names_file) {
                to = fmt::format(" to a file the server names ({} if it names none)", d->file);
            } else if (!d->file.empty()) {
                to = fmt::format(" to {}", d->file);
            }
            out.report(cmds[i].body->text.source_range(c.begin, c.end), sev,
                       fmt::format("{} downloads {}{} and {} without checking a checksum or signature: a "
                                   "tampered or swapped file goes into the image",
                                   d->tool, d->url.empty() ? std::string("a file") : d->url, to, use.how),
                       fix);
        }
    }
}

void check_curl_and_wget(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    if ((program_bits(df) & k_download_programs) == 0) {
        return;
    }
    for (const model::Stage& stage : df.stages) {
        struct First {
            const model::Instruction* inst = nullptr;
            const model::ShellBody* body = nullptr;
            const shell::Command* cmd = nullptr;
        };
        First curl;
        First wget;
        for (int i : stage.instructions) {
            const model::Instruction& inst = df.instructions[static_cast<size_t>(i)];
            for (const model::ShellBody& body : inst.shell) {
                std::span<const CommandFacts> facts = command_facts(df, inst, body);
                for (size_t k = 0; k < facts.size(); ++k) {
                    const shell::Command& c = body.script.commands[k];
                    const Download* d = download_of(df, c, facts[k]);
                    if (!d) {
                        continue;
                    }
                    First& f = d->tool == "curl" ? curl : wget;
                    if (f.cmd == nullptr) {
                        f = First{&inst, &body, &c};
                    }
                }
            }
        }
        if (curl.cmd == nullptr || wget.cmd == nullptr) {
            continue;
        }
        // Report the tool that appears second, where it is first used.
        bool wget_later = std::make_pair(wget.inst->line, wget.cmd->begin) >
                          std::make_pair(curl.inst->line, curl.cmd->begin);
        const First& later = wget_later ? wget : curl;
        const First& earlier = wget_later ? curl : wget;
        const Download* d = download_of(df, *later.cmd);
        std::string fix;
        std::string url = url_text(*d);
        std::string_view dir = parent_directory(d->file);
        if (d->to_stdout) {
            fix = wget_later ? fmt::format("curl -fsSL {}", url) : fmt::format("wget -qO- {}", url);
        } else if (d->name_from_variable && d->layout.directories) {
            // wget -x of a URL in a variable: curl makes no host and URL directories of its own, so it
            // is told the path, which the URL's ARG/ENV values give when known.
            std::string file = resolved_download_file(df, *later.inst, later.body->script, *d);
            fix = fmt::format("curl -fsSLo {} --create-dirs {}",
                              file.empty() ? std::string("'<host>/<path>'") : util::shell_quote(file), url);
        } else if (d->server_names_file || d->name_from_variable) {
            // The same "name it as the server says" in the other tool; or the same "name it after the
            // URL" when the name is in a variable: both tools take the URL's last path component.
            if (d->name_from_variable) {
                dir = d->directory;
            }
            std::string in = util::shell_quote_expanding(dir);
            fix = wget_later
                      ? fmt::format(
                            "curl -fsSLO{}{} {}", d->server_names_file ? "J" : "",
                            dir.empty() ? std::string() : fmt::format(" --create-dirs --output-dir {}", in),
                            url)
                      : fmt::format("wget -q{}{} {}", d->server_names_file ? " --content-disposition" : "",
                                    dir.empty() ? std::string() : fmt::format(" -P {}", in), url);
        } else if (wget_later) {
            // curl -o makes no directories unless told to; wget -P and -x make theirs.
            fix = fmt::format("curl -fsSLo {}{} {}", file_text(*d),
                              d->makes_directories ? " --create-dirs" : "", url);
        } else {
            fix = fmt::format("wget -qO {} {}", file_text(*d), url);
        }
        out.report(
            later.body->text, later.cmd->begin, later.cmd->end,
            fmt::format("this stage uses both {} (line {}) and {}: two download tools to install, patch "
                        "and keep in the image where one does",
                        wget_later ? "curl" : "wget", earlier.inst->line, wget_later ? "wget" : "curl"),
            fix);
    }
}

}  // namespace bulwark::rules::dockerfile::supply
