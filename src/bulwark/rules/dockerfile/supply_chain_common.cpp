#include "bulwark/rules/dockerfile/supply_chain_common.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "bulwark/model/expand.hpp"
#include "bulwark/rules/ascii.hpp"
#include "bulwark/rules/dockerfile/packages_commands.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::supply {

namespace shell = model::shell;

const shell::OptionList k_curl_values = {"-o",
                                         "-H",
                                         "-d",
                                         "-u",
                                         "-x",
                                         "-A",
                                         "-e",
                                         "-w",
                                         "-X",
                                         "-m",
                                         "-r",
                                         "-T",
                                         "-F",
                                         "-b",
                                         "-c",
                                         "-K",
                                         "-E",
                                         "-C",
                                         "-y",
                                         "-Y",
                                         "-z",
                                         "-U",
                                         "-Q",
                                         "-t",
                                         "-D",
                                         "--output",
                                         "--header",
                                         "--data",
                                         "--data-raw",
                                         "--data-binary",
                                         "--data-urlencode",
                                         "--data-ascii",
                                         "--user",
                                         "--proxy",
                                         "--proxy-user",
                                         "--user-agent",
                                         "--referer",
                                         "--write-out",
                                         "--request",
                                         "--max-time",
                                         "--range",
                                         "--upload-file",
                                         "--form",
                                         "--form-string",
                                         "--cookie",
                                         "--cookie-jar",
                                         "--config",
                                         "--cert",
                                         "--cacert",
                                         "--capath",
                                         "--key",
                                         "--retry",
                                         "--retry-delay",
                                         "--retry-max-time",
                                         "--connect-timeout",
                                         "--limit-rate",
                                         "--resolve",
                                         "--url",
                                         "--output-dir",
                                         "--proto",
                                         "--proto-redir",
                                         "--dump-header",
                                         "--continue-at",
                                         "--speed-limit",
                                         "--speed-time",
                                         "--max-filesize",
                                         "--interface",
                                         "--local-port",
                                         "--keepalive-time",
                                         "--netrc-file",
                                         "--create-file-mode",
                                         "--max-redirs",
                                         "--ciphers",
                                         "--cert-type",
                                         "--key-type",
                                         "--pass",
                                         "--oauth2-bearer",
                                         "--connect-to",
                                         "--dns-servers",
                                         "--expect100-timeout"};

const shell::OptionList k_wget_values = {"-O",
                                         "-o",
                                         "-a",
                                         "-P",
                                         "-t",
                                         "-T",
                                         "-U",
                                         "-e",
                                         "-i",
                                         "-B",
                                         "-w",
                                         "-Q",
                                         "-l",
                                         "-A",
                                         "-R",
                                         "-D",
                                         "-I",
                                         "-X",
                                         "--output-document",
                                         "--output-file",
                                         "--append-output",
                                         "--directory-prefix",
                                         "--tries",
                                         "--timeout",
                                         "--user-agent",
                                         "--header",
                                         "--user",
                                         "--password",
                                         "--http-user",
                                         "--http-password",
                                         "--execute",
                                         "--input-file",
                                         "--post-data",
                                         "--post-file",
                                         "--ca-certificate",
                                         "--ca-directory",
                                         "--certificate",
                                         "--private-key",
                                         "--load-cookies",
                                         "--save-cookies",
                                         "--wait",
                                         "--quota",
                                         "--level",
                                         "--accept",
                                         "--reject",
                                         "--domains",
                                         "--base",
                                         "--method",
                                         "--body-data",
                                         "--referer",
                                         "--limit-rate",
                                         "--dns-timeout",
                                         "--connect-timeout",
                                         "--read-timeout",
                                         "--progress",
                                         "--secure-protocol",
                                         "--max-redirect",
                                         "--waitretry",
                                         "--retry-on-http-error",
                                         "--bind-address",
                                         "--restrict-file-names",
                                         "--local-encoding",
                                         "--remote-encoding",
                                         "--default-page",
                                         "--cut-dirs",
                                         "--header"};

namespace {

const shell::OptionList k_shell_values = {"-o", "+o", "-O", "+O"};
const shell::OptionList k_interpreter_values = {"-W", "-X", "-I", "-M", "-r", "-c", "-e", "-E", "-m"};

/// argv with `busybox` dropped (`busybox wget ...` runs wget).
std::span<const shell::Word> unwrapped_argv(const shell::Command& c) {
    std::span<const shell::Word> argv = shell::effective_argv(c);
    if (argv.size() > 1 && shell::basename(argv[0].value) == "busybox") {
        argv = argv.subspan(1);
    }
    return argv;
}

}  // namespace

std::string url_basename(std::string_view url) {
    // A plain loop: find_first_of("?#") calls memchr once per character.
    for (size_t i = 0; i < url.size(); ++i) {
        if (url[i] == '?' || url[i] == '#') {
            url = url.substr(0, i);
            break;
        }
    }
    size_t scheme = url.find("://");
    std::string_view path = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    size_t slash = path.find('/');
    if (slash == std::string_view::npos) {
        return "index.html";
    }
    path = path.substr(slash);
    while (!path.empty() && path.back() == '/') {
        path.remove_suffix(1);
    }
    size_t last = path.rfind('/');
    std::string_view base = last == std::string_view::npos ? path : path.substr(last + 1);
    return base.empty() ? std::string("index.html") : std::string(base);
}

bool url_name_is_variable(std::string_view url) {
    size_t i = 0;
    while (i < url.size() && url[i] == '$') {
        if (i + 1 < url.size() && url[i + 1] == '{') {
            int depth = 0;
            size_t j = i + 1;
            for (; j < url.size(); ++j) {
                depth += url[j] == '{' ? 1 : url[j] == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            i = j + 1;  // past the closing brace (past the end when there is none)
        } else {
            size_t j = i + 1;
            while (j < url.size() &&
                   (std::isalnum(static_cast<unsigned char>(url[j])) != 0 || url[j] == '_')) {
                ++j;
            }
            i = j == i + 1 ? std::min(url.size(), j + 1) : j;  // $1, $@: one character
        }
    }
    return i > 0 && (i >= url.size() || url.substr(i).find('/') == std::string_view::npos);
}

std::string wget_file_name(std::string_view url, const WgetLayout& layout) {
    url = url.substr(0, std::min(url.find('#'), url.size()));  // never sent, never in the name
    std::optional<std::string_view> query;
    if (size_t q = url.find('?'); q != std::string_view::npos) {
        query = url.substr(q + 1);
        url = url.substr(0, q);
    }
    std::string_view scheme = "http";  // wget's default for a URL without one
    if (size_t s = url.find("://"); s != std::string_view::npos) {
        scheme = url.substr(0, s);
        url = url.substr(s + 3);
    }
    size_t slash = std::min(url.find('/'), url.size());
    std::string_view authority = url.substr(0, slash);
    std::string_view path = url.substr(slash);
    std::vector<std::string_view> dirs;
    std::string_view file;
    for (std::string_view part : util::split(path, '/')) {
        if (!file.empty()) {
            dirs.push_back(file);
        }
        file = part;
    }
    std::string out;
    if (layout.directories) {
        if (layout.protocol) {
            out.append(scheme).append("/");
        }
        if (layout.host) {
            if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
                authority = authority.substr(at + 1);  // user:password@
            }
            size_t colon = authority.rfind(':');
            std::string_view port;
            if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
                port = authority.substr(colon + 1);
                authority = authority.substr(0, colon);
            }
            bool default_port = port.empty() || (scheme == "http" && port == "80") ||
                                (scheme == "https" && port == "443") || (scheme == "ftp" && port == "21");
            // wget lowercases the host; one written as a variable is left as written.
            out += authority.find('$') == std::string_view::npos ? util::to_lower(authority)
                                                                 : std::string(authority);
            out.append(default_port ? "" : ":").append(default_port ? "" : port).append("/");
        }
        for (size_t i = static_cast<size_t>(std::max(layout.cut_dirs, 0)); i < dirs.size(); ++i) {
            out.append(dirs[i]).append("/");
        }
    }
    out.append(file.empty() ? std::string_view("index.html") : file);
    if (query) {
        out += '?';
        for (char c : *query) {
            if (c == '/') {
                out += "%2F";
            } else {
                out += c;
            }
        }
    }
    return out;
}

namespace {

/// `name` in directory `dir` (none, "" or "." leave it as it is).
std::string under_directory(const std::optional<std::string>& dir, std::string name) {
    if (!dir || dir->empty() || *dir == "." || *dir == "./") {
        return name;
    }
    return util::ends_with(*dir, "/") ? *dir + name : *dir + "/" + name;
}

}  // namespace

std::vector<RunCommand> run_commands(const model::Instruction& run) {
    std::vector<RunCommand> out;
    size_t count = 0;
    for (const model::ShellBody& body : run.shell) {
        count += body.script.commands.size();
    }
    if (count == 0) {
        return out;
    }
    out.reserve(count);
    for (const model::ShellBody& body : run.shell) {
        for (size_t i = 0; i < body.script.commands.size(); ++i) {
            out.push_back(RunCommand{&body, i});
        }
    }
    return out;
}

const model::Stage* shipped_stage(const model::Dockerfile& df) {
    if (df.shipped_stage < 0 || df.shipped_stage >= static_cast<int>(df.stages.size())) {
        return nullptr;
    }
    return &df.stages[static_cast<size_t>(df.shipped_stage)];
}

const model::Stage* root_stage(const model::Dockerfile& df, const model::Stage& stage) {
    std::vector<int> chain = df.stage_chain(stage.index);
    return chain.empty() ? &stage : &df.stages[static_cast<size_t>(chain.front())];
}

std::string_view source_text(const util::SourceFile& source, model::Range r) {
    const std::string& text = source.text();
    if (r.begin >= text.size() || r.end < r.begin) {
        return {};
    }
    return std::string_view(text).substr(r.begin, std::min<size_t>(r.end, text.size()) - r.begin);
}

std::string corrected_line(const util::SourceFile& source, const model::Instruction& inst, model::Range r,
                           std::string_view replacement) {
    const std::string& text = source.text();
    size_t begin = inst.keyword_range.begin;
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) {
        end = text.size();
    }
    std::string_view all = text;
    std::string line;
    if (r.begin >= begin && r.end <= end && r.begin <= r.end) {
        // One allocation: nearly every FROM of a large scan gets a fix.
        line.reserve((r.begin - begin) + replacement.size() + (end - r.end));
        line.append(all.substr(begin, r.begin - begin));
        line.append(replacement);
        line.append(all.substr(r.end, end - r.end));
    } else {
        line.assign(all.substr(begin, end - begin));
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
        line.pop_back();
    }
    if (!line.empty() && line.back() == '\\') {
        line.pop_back();
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
            line.pop_back();
        }
    }
    // Collapse the double blank a removed word leaves behind.
    for (size_t p = line.find("  "); p != std::string::npos; p = line.find("  ", p)) {
        line.erase(p, 1);
    }
    return line;
}

std::string command_text(const model::ShellBody& body, const shell::Command& c) {
    const std::string& t = body.text.value;
    if (c.begin >= t.size() || c.end < c.begin) {
        return {};
    }
    return t.substr(c.begin, std::min<size_t>(c.end, t.size()) - c.begin);
}

namespace {

/// Erases text[b, b + len) and one space next to it (after, else before).
void erase_with_space(std::string& text, size_t b, size_t len) {
    size_t e = b + len;
    if (e < text.size() && text[e] == ' ') {
        ++e;
    } else if (b > 0 && text[b - 1] == ' ') {
        --b;
    }
    text.erase(b, e - b);
}

}  // namespace

std::string command_without(const model::ShellBody& body, const shell::Command& c, const shell::Word& w,
                            char letter, const shell::Word* through) {
    std::string text = command_text(body, c);
    uint32_t end = through != nullptr && through->end > w.end ? through->end : w.end;
    if (w.begin < c.begin || end > c.end || end < w.begin) {
        return text;
    }
    size_t b = w.begin - c.begin;
    size_t len = end - w.begin;
    if (letter != 0) {
        std::string_view word = std::string_view(text).substr(b, len);
        size_t at = word.find(letter, 1);
        if (at != std::string_view::npos && word.size() > 2) {
            text.erase(b + at, 1);
            return text;
        }
    }
    erase_with_space(text, b, len);
    return text;
}

std::string command_without_words(const model::ShellBody& body, const shell::Command& c,
                                  std::vector<const shell::Word*> words) {
    std::string text = command_text(body, c);
    std::sort(words.begin(), words.end(),
              [](const shell::Word* a, const shell::Word* b) { return a->begin > b->begin; });
    for (const shell::Word* w : words) {
        if (w->begin >= c.begin && w->end <= c.end && w->end >= w->begin) {
            erase_with_space(text, w->begin - c.begin, w->end - w->begin);
        }
    }
    return text;
}

namespace {

/// option_flag() over any list of options that take a value: `long_takes("--name")`,
/// `short_takes('x')`.
template <class LongTakes, class ShortTakes>
const shell::Word* find_option_flag(std::span<const shell::Word> argv, std::string_view short_letters,
                                    std::initializer_list<std::string_view> long_names, LongTakes long_takes,
                                    ShortTakes short_takes) {
    for (size_t i = 1; i < argv.size(); ++i) {
        std::string_view a = argv[i].value;
        if (a.size() < 2 || a[0] != '-') {
            continue;  // an operand (most words)
        }
        if (a == "--") {
            break;
        }
        if (a[1] == '-') {
            size_t eq = a.find('=');
            std::string_view name =
                a.substr(2, eq == std::string_view::npos ? std::string_view::npos : eq - 2);
            if (std::find(long_names.begin(), long_names.end(), name) != long_names.end()) {
                return &argv[i];
            }
            if (eq == std::string_view::npos && long_takes(a)) {
                ++i;
            }
            continue;
        }
        for (size_t k = 1; k < a.size(); ++k) {
            if (short_letters.find(a[k]) != std::string_view::npos) {
                return &argv[i];
            }
            if (short_takes(a[k])) {
                if (k + 1 == a.size()) {
                    ++i;
                }
                break;
            }
        }
    }
    return nullptr;
}

/// False when no word of argv[1..] can be the option option_flag() looks for: none is
/// `--name[=value]` with a name of `long_names`, and no short group holds one of `short_letters`.
/// A cheap test without the lists of options taking values (most commands have none of the options).
bool may_hold_option(std::span<const shell::Word> argv, std::string_view short_letters,
                     std::initializer_list<std::string_view> long_names) {
    for (size_t i = 1; i < argv.size(); ++i) {
        std::string_view a = argv[i].value;
        if (a.size() < 2 || a[0] != '-') {
            continue;
        }
        if (a[1] != '-') {
            if (find_first_of(a.substr(1), short_letters) != std::string_view::npos) {
                return true;
            }
            continue;
        }
        size_t eq = a.find('=');
        std::string_view name = a.substr(2, eq == std::string_view::npos ? std::string_view::npos : eq - 2);
        if (std::find(long_names.begin(), long_names.end(), name) != long_names.end()) {
            return true;
        }
    }
    return false;
}

}  // namespace

const shell::Word* option_flag(std::span<const shell::Word> argv, std::string_view short_letters,
                               std::initializer_list<std::string_view> long_names,
                               shell::OptionList takes_value) {
    if (!may_hold_option(argv, short_letters, long_names)) {
        return nullptr;
    }
    auto long_takes = [&](std::string_view opt) {
        return std::find(takes_value.begin(), takes_value.end(), opt) != takes_value.end();
    };
    auto short_takes = [&](char c) {
        char opt[3] = {'-', c, '\0'};
        return long_takes(opt);
    };
    return find_option_flag(argv, short_letters, long_names, long_takes, short_takes);
}

const shell::Word* option_flag(std::span<const shell::Word> argv, std::string_view short_letters,
                               std::initializer_list<std::string_view> long_names,
                               const shell::ValueOptions& takes_value) {
    if (!may_hold_option(argv, short_letters, long_names)) {
        return nullptr;  // (the prepared lists are long: curl's, wget's)
    }
    // A long option taking a value is "--name" in the list, "name" in the prepared one.
    auto long_takes = [&](std::string_view opt) { return takes_value.long_takes(opt.substr(2)); };
    auto short_takes = [&](char c) { return takes_value.short_takes(c); };
    return find_option_flag(argv, short_letters, long_names, long_takes, short_takes);
}

namespace {

/// wget's options that say where the name taken from the URL goes.
WgetLayout wget_layout(std::span<const shell::Word> argv, const shell::ValueOptions& values) {
    WgetLayout layout;
    bool no_directories = false;
    for (const shell::Word& w : argv.subspan(1)) {
        if (w.value == "--") {
            break;
        }
        // -nd, -nH: wget's -n takes the letter after it as its value.
        no_directories = no_directories || w.value == "-nd" || w.value == "--no-directories";
        layout.host = layout.host && w.value != "-nH" && w.value != "--no-host-directories";
    }
    // -nd wins over -x whichever comes first (wget takes the last; the two together are rare).
    layout.directories = !no_directories &&
                         shell::has_option(argv, "xrm", {"force-directories", "recursive", "mirror"}, values);
    layout.protocol = shell::has_option(argv, "", {"protocol-directories"}, values);
    if (std::optional<std::string> cut = shell::option_value(argv, "", {"cut-dirs"}, values)) {
        std::from_chars(cut->data(), cut->data() + cut->size(), layout.cut_dirs);
    }
    return layout;
}

/// False when no word of `c` ends with "curl" or "wget": the program effective_argv(c) finds is one
/// of c.argv, so this cheap test rules out most commands before the full one.
bool may_download(const shell::Command& c) {
    for (const shell::Word& w : c.argv) {
        if (w.value.size() >= 4) {
            std::string_view tail(w.value.data() + w.value.size() - 4, 4);
            if (tail == "curl" || tail == "wget") {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

const Download* download_of(const model::Dockerfile& df, const shell::Command& c) {
    if (!may_download(c)) {
        return nullptr;
    }
    using Cache = std::unordered_map<const shell::Command*, std::optional<Download>>;
    std::shared_ptr<void>& slot = rule_cache_slot(df, cache_slot::downloads);
    if (!slot) {
        slot = std::make_shared<Cache>();
    }
    auto [it, fresh] = static_cast<Cache*>(slot.get())->try_emplace(&c);
    if (fresh) {
        it->second = as_download(c);
    }
    return it->second ? &*it->second : nullptr;
}

const Download* download_of(const model::Dockerfile& df, const shell::Command& c, const CommandFacts& facts) {
    // as_download() finds curl or wget as the program of effective_argv(c), or `busybox wget`.
    std::string_view prog = facts.program;
    if (prog.size() != 4 && prog != "busybox") {
        return nullptr;
    }
    if (prog.size() == 4 && prog != "curl" && prog != "wget") {
        return nullptr;
    }
    return download_of(df, c);
}

namespace {

/// `text` (from a shell body of RUN `run`) expanded with the values the Dockerfile gives its
/// variables at `run`; nullopt when a value is not known, or `script` sets one of those variables
/// itself (`URL=...; wget $URL`, a loop, `read`: the RUN's own value, not the Dockerfile's).
std::optional<std::string> dockerfile_value(const model::Dockerfile& df, const model::Instruction& run,
                                            const shell::Script& script, std::string_view text) {
    std::vector<std::string> own = shell::script_variables(script);
    for (const std::string& name : model::referenced_variables(text, df.directives.escape)) {
        if (std::find(own.begin(), own.end(), name) != own.end()) {
            return std::nullopt;
        }
    }
    std::optional<std::string> value = resolve_value(df, run, text);
    if (!value || value->find_first_of("$`") != std::string::npos) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::string resolved_download_file(const model::Dockerfile& df, const model::Instruction& run,
                                   const shell::Script& script, const Download& d) {
    if (!d.name_from_variable || d.url_word == nullptr || !d.url_word->dynamic) {
        return {};
    }
    std::optional<std::string> url = dockerfile_value(df, run, script, d.url);
    if (!url) {
        return {};
    }
    std::optional<std::string> dir;
    if (!d.directory.empty()) {
        dir = d.directory;
    }
    return under_directory(dir, d.tool == "curl" ? url_basename(*url) : wget_file_name(*url, d.layout));
}

namespace {

/// What `basename PATH [SUFFIX]` prints: the last component of `path` (trailing slashes dropped),
/// without `suffix` unless that is all of it.
std::string basename_output(std::string_view path, std::string_view suffix) {
    while (path.size() > 1 && path.back() == '/') {
        path.remove_suffix(1);
    }
    std::string_view base = path == "/" ? path : shell::basename(path);
    if (!suffix.empty() && base.size() > suffix.size() && util::ends_with(base, suffix)) {
        base.remove_suffix(suffix.size());
    }
    return std::string(base);
}

/// True when `name` can be pasted into a word as it is: no quote, expansion, glob or blank.
bool plain_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) != 0 || std::strchr("./-_+:=@%,~", ch) != nullptr;
    });
}

}  // namespace

std::optional<std::string> resolved_word(const model::Dockerfile& df, const model::Instruction& run,
                                         const model::ShellBody& body, size_t index, const shell::Word& w) {
    if (!w.dynamic) {
        return w.value;
    }
    const std::string& text = body.text.value;
    const shell::Script& s = body.script;
    if (w.end > text.size() || w.begin > w.end || index >= s.commands.size()) {
        return std::nullopt;
    }
    // The word as written, each `$(basename ...)` replaced by what it prints; then expanded as
    // BuildKit expands a word (quotes removed, ${v##p} and the like applied).
    std::string_view raw = std::string_view(text).substr(w.begin, w.end - w.begin);
    std::string rebuilt;
    size_t at = 0;
    for (size_t k : shell::substitutions_in(s, index, w)) {
        const shell::Command& c = s.commands[k];
        auto [first, end] = shell::nested_commands(s, k);
        const std::vector<shell::Word>& argv = c.argv;
        if (first != end || argv.size() < 2 || argv.size() > 3 ||
            shell::basename(argv[0].value) != "basename" || util::starts_with(argv[1].value, "-") ||
            c.begin < w.begin || c.end > w.end) {
            return std::nullopt;  // `basename -s`, `$(cat f)`: not computed here
        }
        std::optional<std::string> path = resolved_word(df, run, body, k, argv[1]);
        std::optional<std::string> suffix =
            argv.size() == 3 ? resolved_word(df, run, body, k, argv[2]) : std::string();
        if (!path || !suffix) {
            return std::nullopt;
        }
        std::string out = basename_output(*path, *suffix);
        // The substitution around the command: `$(` or a backquote before it, `)` or one after.
        size_t b = c.begin - w.begin;
        size_t e = c.end - w.begin;
        while (b > at && (raw[b - 1] == ' ' || raw[b - 1] == '\t')) {
            --b;
        }
        while (e < raw.size() && (raw[e] == ' ' || raw[e] == '\t')) {
            ++e;
        }
        bool backquote = b > at && raw[b - 1] == '`';
        bool dollar = b >= at + 2 && raw.substr(b - 2, 2) == "$(";
        if (!plain_name(out) || (!backquote && !dollar) || e >= raw.size() ||
            raw[e] != (backquote ? '`' : ')')) {
            return std::nullopt;
        }
        rebuilt.append(raw.substr(at, b - (backquote ? 1 : 2) - at)).append(out);
        at = e + 1;
    }
    rebuilt.append(raw.substr(at));
    if (rebuilt.find('`') != std::string::npos || rebuilt.find("$(") != std::string::npos) {
        return std::nullopt;  // a substitution not computed above
    }
    return dockerfile_value(df, run, s, rebuilt);
}

std::optional<Download> as_download(const shell::Command& c) {
    // Every rule of the download family asks this of every command.
    if (!may_download(c)) {
        return std::nullopt;
    }
    std::span<const shell::Word> argv = unwrapped_argv(c);
    if (argv.empty()) {
        return std::nullopt;
    }
    std::string_view prog = shell::basename(argv[0].value);
    Download d;
    // The lists are long and asked about three times per download: prepared once.
    static const shell::ValueOptions k_curl = shell::ValueOptions::of(k_curl_values);
    static const shell::ValueOptions k_wget = shell::ValueOptions::of(k_wget_values);
    const shell::ValueOptions* values_ptr = nullptr;
    if (prog == "curl") {
        values_ptr = &k_curl;
    } else if (prog == "wget") {
        values_ptr = &k_wget;
        if (shell::has_option(argv, "", {"spider"}, *values_ptr)) {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    const shell::ValueOptions& values = *values_ptr;
    d.tool = std::string(prog);
    for (const shell::Word* w : shell::operands(argv, values)) {
        if (w->value.find("://") != std::string::npos) {
            d.url_word = w;
            break;
        }
        if (d.url_word == nullptr) {
            d.url_word = w;
        }
    }
    if (d.url_word != nullptr) {
        d.url = d.url_word->value;
    }
    std::optional<std::string> out = prog == "curl"
                                         ? shell::option_value(argv, "o", {"output"}, values)
                                         : shell::option_value(argv, "O", {"output-document"}, values);
    if (out) {
        d.output_word = prog == "curl" ? shell::option_word(argv, "o", {"output"}, k_curl_values)
                                       : shell::option_word(argv, "O", {"output-document"}, k_wget_values);
    }
    // curl --output-dir applies to -o and -O; wget -P only to the name taken from the URL (-O wins).
    std::optional<std::string> dir = prog == "curl"
                                         ? shell::option_value(argv, "", {"output-dir"}, values)
                                         : shell::option_value(argv, "P", {"directory-prefix"}, values);
    if (dir && *dir != "." && *dir != "./") {
        d.directory = *dir;
    }
    if (out) {
        if (*out == "-") {
            d.to_stdout = true;
        } else {
            d.file = prog == "curl" && !util::starts_with(*out, "/") ? under_directory(dir, *out) : *out;
        }
    } else if (prog == "curl") {
        if (shell::has_option(argv, "O", {"remote-name", "remote-name-all"}, values)) {
            d.server_names_file = shell::has_option(argv, "J", {"remote-header-name"}, values);
            d.name_from_variable = !d.server_names_file && url_name_is_variable(d.url);
            d.file = d.name_from_variable ? std::string() : under_directory(dir, url_basename(d.url));
        } else {
            d.to_stdout = true;
        }
    } else {
        WgetLayout layout = wget_layout(argv, values);
        d.makes_directories = (dir && !dir->empty() && *dir != "." && *dir != "./") || layout.directories;
        d.server_names_file =
            shell::has_option(argv, "", {"content-disposition", "trust-server-names"}, values);
        d.layout = layout;
        d.name_from_variable = !d.server_names_file && url_name_is_variable(d.url);
        d.file = d.name_from_variable ? std::string() : under_directory(dir, wget_file_name(d.url, layout));
    }
    return d;
}

bool is_interpreter(std::string_view program) {
    auto versioned = [&](std::string_view stem) {
        if (!util::starts_with(program, stem)) {
            return false;
        }
        std::string_view rest = program.substr(stem.size());
        return std::all_of(rest.begin(), rest.end(),
                           [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; });
    };
    return versioned("python") || versioned("perl") || versioned("ruby") || versioned("php") ||
           program == "node" || program == "nodejs";
}

bool runs_stdin(const shell::Command& c) {
    std::span<const shell::Word> argv = unwrapped_argv(c);
    if (argv.empty()) {
        return false;
    }
    std::string_view prog = shell::basename(argv[0].value);
    if (shell::is_shell_name(prog) && prog != "busybox") {
        if (shell::has_option(argv, "c", {}, k_shell_values)) {
            return false;
        }
        if (shell::has_option(argv, "s", {}, k_shell_values)) {
            return true;
        }
        std::vector<const shell::Word*> ops = shell::operands(argv, k_shell_values);
        return ops.empty() || ops.front()->value == "-";
    }
    if (is_interpreter(prog)) {
        if (shell::has_option(argv, "ceEmr", {"eval", "print"}, k_interpreter_values)) {
            return false;
        }
        std::vector<const shell::Word*> ops = shell::operands(argv, k_interpreter_values);
        return ops.empty() || ops.front()->value == "-";
    }
    return false;
}

bool runs_arguments(const shell::Command& c) {
    std::span<const shell::Word> argv = unwrapped_argv(c);
    if (argv.empty()) {
        return false;
    }
    std::string_view prog = shell::basename(argv[0].value);
    return (shell::is_shell_name(prog) && prog != "busybox") || is_interpreter(prog) || prog == "eval" ||
           prog == "source" || prog == ".";
}

bool is_false_value(std::string_view value) {
    std::string v = util::to_lower(util::trim(value));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
        v = v.substr(1, v.size() - 2);
    }
    return v == "false" || v == "0" || v == "no" || v == "off";
}

bool is_true_value(std::string_view value) {
    std::string v = util::to_lower(util::trim(value));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
        v = v.substr(1, v.size() - 2);
    }
    return v == "true" || v == "1" || v == "yes" || v == "on";
}

}  // namespace bulwark::rules::dockerfile::supply
