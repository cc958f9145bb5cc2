// The dockerd command line: where it is written (systemd ExecStart=, DOCKER_OPTS=, OPTIONS=) and
// its flags -> DaemonSpec, each value with the range of its flag (and value word).
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "bulwark/input/daemon/options.hpp"
#include "bulwark/input/daemon/parser.hpp"
#include "bulwark/input/shell/parser.hpp"
#include "bulwark/model/shell_query.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::daemon {

namespace {

namespace sh = model::shell;

/// Go's strconv.ParseBool, which dockerd's flag parser uses.
std::optional<bool> parse_bool(std::string_view s) {
    for (std::string_view t : {"1", "t", "T", "TRUE", "true", "True"}) {
        if (s == t) {
            return true;
        }
    }
    for (std::string_view f : {"0", "f", "F", "FALSE", "false", "False"}) {
        if (s == f) {
            return false;
        }
    }
    return std::nullopt;
}

class FlagReader {
  public:
    FlagReader(const util::SourcePtr& source, model::DaemonSpec& spec, std::vector<core::Diagnostic>& diags)
        : m_source(source), m_spec(spec), m_diags(diags) {}

    void read(std::span<const sh::Word> words) {
        for (size_t i = 0; i < words.size(); ++i) {
            i = read_one(words, i);
        }
    }

  private:
    void diag(core::DiagLevel level, uint32_t offset, std::string message) {
        m_diags.push_back(core::make_diagnostic(level, *m_source, offset, std::move(message)));
    }

    /// Reads the flag at words[i]; returns the index of the last word it used.
    size_t read_one(std::span<const sh::Word> words, size_t i) {
        const sh::Word& w = words[i];
        if (w.dynamic) {
            return i;  // `$DOCKER_OPTS`: known only when the daemon starts
        }
        std::string_view v = w.value;
        if (v.size() < 2 || v[0] != '-' || v == "--") {
            diag(core::DiagLevel::warning, w.begin,
                 fmt::format("unexpected argument `{}`: dockerd takes only flags", v));
            return i;
        }
        bool dashes = util::starts_with(v, "--");
        std::string_view body = v.substr(dashes ? 2 : 1);
        size_t eq = body.find('=');
        std::string_view head = body.substr(0, eq);
        std::optional<std::string> value;
        const DaemonOption* opt = nullptr;
        if (dashes || head.size() > 1) {
            // `-icc=false`: Docker 1.x accepted long flags with one dash; unit files still have them.
            opt = option_for_flag(head);
            if (eq != std::string_view::npos) {
                value = std::string(body.substr(eq + 1));
            }
        }
        if (opt == nullptr && !dashes) {
            opt = option_for_short(body[0]);
            if (opt != nullptr) {
                std::string_view rest = body.substr(1);
                value.reset();
                if (!rest.empty()) {
                    value = std::string(rest[0] == '=' ? rest.substr(1) : rest);  // -Htcp://..., -H=tcp://...
                }
            }
        }
        if (opt == nullptr) {
            std::string_view near = dashes ? closest_option(head, true) : std::string_view();
            diag(core::DiagLevel::warning, w.begin,
                 near.empty() ? fmt::format("unknown dockerd flag `{}`", v)
                              : fmt::format("unknown dockerd flag `{}` (did you mean `--{}`?)", v, near));
            // Its value, if it has one, is the next word that is not a flag.
            bool next_is_value = eq == std::string_view::npos && i + 1 < words.size() &&
                                 !util::starts_with(words[i + 1].value, "-");
            return next_is_value ? i + 1 : i;
        }
        bool is_bool = opt->type == OptionType::boolean || opt->type == OptionType::other_bool;
        uint32_t end = w.end;
        bool known = true;
        if (is_bool) {
            std::optional<bool> b = value ? parse_bool(*value) : std::optional<bool>(true);
            if (!b) {
                diag(core::DiagLevel::error, w.begin,
                     fmt::format("invalid boolean `{}` for `{}`: use true or false", *value,
                                 v.substr(0, v.find('='))));
                return i;
            }
            value = *b ? "true" : "false";
        } else if (!value) {
            if (i + 1 >= words.size()) {
                diag(core::DiagLevel::error, w.begin, fmt::format("flag `{}` needs a value", v));
                return i;
            }
            const sh::Word& next = words[++i];
            value = next.value;
            end = next.end;
            known = !next.dynamic;
        }
        apply(*opt, *value, model::Origin{m_source, {w.begin, end}}, known);
        return i;
    }

    void apply(const DaemonOption& opt, const std::string& value, const model::Origin& origin, bool known) {
        switch (opt.type) {
            case OptionType::boolean:
                m_spec.*(opt.boolean) = model::Setting<bool>{value == "true", origin, true, known};
                break;
            case OptionType::string:
                m_spec.*(opt.string) = model::Setting<std::string>{value, origin, true, known};
                break;
            case OptionType::list:
                (m_spec.*(opt.list)).push_back(model::Setting<std::string>{value, origin, true, known});
                break;
            case OptionType::ulimits:
                m_spec.default_ulimits.push_back(
                    model::DaemonUlimit{value.substr(0, value.find('=')), origin});
                break;
            case OptionType::log_opts: {
                size_t eq = value.find('=');
                std::string v = eq == std::string::npos ? std::string() : value.substr(eq + 1);
                m_spec.log_opts.push_back(model::NamedValue{
                    value.substr(0, eq),
                    model::Setting<std::string>{v, origin, eq != std::string::npos, known}, origin});
                break;
            }
            case OptionType::other_bool:
            case OptionType::other_value:
                break;
        }
    }

    const util::SourcePtr& m_source;
    model::DaemonSpec& m_spec;
    std::vector<core::Diagnostic>& m_diags;
};

/// Text assembled from pieces of a file, each byte mapped back to its offset in the file.
struct Joined {
    std::string text;
    std::vector<uint32_t> offsets;  // offsets[i]: where text[i] is in the file

    void append(std::string_view file_text, size_t begin, size_t end) {
        for (size_t k = begin; k < end; ++k) {
            text += file_text[k];
            offsets.push_back(static_cast<uint32_t>(k));
        }
    }
    /// `w` with its offsets moved from `text` to the file.
    sh::Word map(const sh::Word& w) const {
        sh::Word out = w;
        if (offsets.empty()) {
            return out;
        }
        out.begin = offsets[std::min<size_t>(w.begin, offsets.size() - 1)];
        out.end = w.end > w.begin ? offsets[std::min<size_t>(w.end - 1, offsets.size() - 1)] + 1 : out.begin;
        return out;
    }
};

/// The words after `dockerd` (or `docker daemon`, `docker -d`) in `words`; nullopt when the
/// command does not run the daemon.
std::optional<size_t> daemon_flags_start(std::span<const sh::Word> words) {
    for (size_t i = 0; i < words.size(); ++i) {
        std::string_view name = sh::basename(words[i].value);
        if (name == "dockerd") {
            return i + 1;
        }
        if (name == "docker" && i + 1 < words.size() &&
            (words[i + 1].value == "daemon" || words[i + 1].value == "-d" ||
             words[i + 1].value == "--daemon")) {
            return i + 2;
        }
    }
    return std::nullopt;
}

bool is_unit_file(std::string_view text) {
    for (std::string_view line : util::split(text, '\n')) {
        line = util::trim(line);
        if (line.size() > 2 && line.front() == '[' && line.back() == ']') {
            return true;
        }
    }
    return false;
}

/// An `Environment=` or `EnvironmentFile=` line of [Service], its value joined.
struct ServiceEntry {
    std::string key;
    Joined value;
};

/// The value of the last non-empty `ExecStart=` of [Service] (an empty one resets the list, as in
/// a drop-in), continuation lines joined; nullopt when there is none. `Environment=` and
/// `EnvironmentFile=` lines of [Service] are added to `env` in order.
std::optional<Joined> last_exec_start(std::string_view text, std::vector<ServiceEntry>& env) {
    std::optional<Joined> last;
    std::string section;
    size_t pos = 0;
    auto line_at = [&](size_t begin) {
        size_t nl = text.find('\n', begin);
        size_t end = nl == std::string_view::npos ? text.size() : nl;
        size_t content_end = end > begin && text[end - 1] == '\r' ? end - 1 : end;
        return std::pair<size_t, size_t>{content_end, nl == std::string_view::npos ? text.size() : nl + 1};
    };
    while (pos < text.size()) {
        auto [end, next] = line_at(pos);
        size_t b = pos;
        while (b < end && (text[b] == ' ' || text[b] == '\t')) {
            ++b;
        }
        pos = next;
        if (b == end || text[b] == '#' || text[b] == ';') {
            continue;
        }
        if (text[b] == '[') {
            size_t close = text.find(']', b);
            section = std::string(
                text.substr(b + 1, close == std::string_view::npos || close > end ? 0 : close - b - 1));
            continue;
        }
        size_t eq = text.find('=', b);
        if (eq == std::string_view::npos || eq >= end) {
            continue;
        }
        std::string_view key = util::trim(text.substr(b, eq - b));
        Joined value;
        size_t vb = eq + 1;
        size_t ve = end;
        // Continuation lines: a trailing backslash joins the next line (comment lines are skipped).
        while (true) {
            size_t te = ve;
            while (te > vb && (text[te - 1] == ' ' || text[te - 1] == '\t')) {
                --te;
            }
            if (te > vb && text[te - 1] == '\\' && pos < text.size()) {
                value.append(text, vb, te - 1);
                value.text += ' ';
                value.offsets.push_back(static_cast<uint32_t>(te - 1));
                // Comment lines inside a continuation are skipped, as systemd does.
                while (pos < text.size()) {
                    auto [ne, nn] = line_at(pos);
                    std::string_view next_line = util::trim(text.substr(pos, ne - pos));
                    vb = pos;
                    ve = ne;
                    pos = nn;
                    if (next_line.empty() || (next_line[0] != '#' && next_line[0] != ';')) {
                        break;
                    }
                    vb = ve;
                }
                continue;
            }
            value.append(text, vb, ve);
            break;
        }
        if (section == "Service" && (key == "Environment" || key == "EnvironmentFile")) {
            env.push_back(ServiceEntry{std::string(key), std::move(value)});
            continue;
        }
        if (section != "Service" || key != "ExecStart") {
            continue;
        }
        if (util::trim(value.text).empty()) {
            last.reset();
        } else {
            last = std::move(value);
        }
    }
    return last;
}

/// One `NAME=value` of Environment=, the value's bytes mapped to the unit file.
struct EnvAssignment {
    std::string name;
    Joined value;
};

/// systemd's Environment= syntax: white-space separated assignments, each possibly quoted ("A=1 2"
/// or A="1 2"), a backslash escaping the next character; an empty value resets the list.
std::vector<EnvAssignment> environment_assignments(const std::vector<ServiceEntry>& entries) {
    std::vector<EnvAssignment> out;
    for (const ServiceEntry& e : entries) {
        if (e.key != "Environment") {
            continue;
        }
        const std::string& t = e.value.text;
        if (util::trim(t).empty()) {
            out.clear();
            continue;
        }
        size_t i = 0;
        while (i < t.size()) {
            while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) {
                ++i;
            }
            if (i >= t.size()) {
                break;
            }
            Joined word;
            char quote = 0;
            for (; i < t.size() && (quote != 0 || (t[i] != ' ' && t[i] != '\t')); ++i) {
                if (quote == 0 && (t[i] == '"' || t[i] == '\'')) {
                    quote = t[i];
                    continue;
                }
                if (quote != 0 && t[i] == quote) {
                    quote = 0;
                    continue;
                }
                if (t[i] == '\\' && i + 1 < t.size() && quote != '\'') {
                    ++i;
                }
                word.text += t[i];
                word.offsets.push_back(i < e.value.offsets.size() ? e.value.offsets[i] : 0);
            }
            size_t eq = word.text.find('=');
            if (eq == std::string::npos || eq == 0) {
                continue;
            }
            EnvAssignment a;
            a.name = word.text.substr(0, eq);
            a.value.text = word.text.substr(eq + 1);
            a.value.offsets.assign(word.offsets.begin() + static_cast<long>(eq) + 1, word.offsets.end());
            out.push_back(std::move(a));
        }
    }
    return out;
}

/// The variable `w` consists of (`$NAME` or `${NAME}`), or "" when it is anything else.
std::string whole_variable(const sh::Word& w, bool& braced) {
    std::string_view v = w.value;
    braced = util::starts_with(v, "${") && util::ends_with(v, "}");
    std::string_view name = braced ? v.substr(2, v.size() - 3) : util::starts_with(v, "$") ? v.substr(1) : "";
    bool ok = !name.empty() && !w.quoted;
    for (char c : name) {
        ok = ok && (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_');
    }
    return ok ? std::string(name) : std::string();
}

/// Replaces `$NAME` / `${NAME}` words of an ExecStart= command line by the value Environment= gives
/// NAME in this unit (split at white space for `$NAME`, one word for `${NAME}`, as systemd does);
/// notes say which variables stay unknown and which an EnvironmentFile= might override.
std::vector<sh::Word> substitute_environment(const std::vector<sh::Word>& words,
                                             const std::vector<ServiceEntry>& entries,
                                             const util::SourcePtr& source, ParseResult& out) {
    std::vector<EnvAssignment> env = environment_assignments(entries);
    std::vector<std::string> files;
    for (const ServiceEntry& e : entries) {
        if (e.key == "EnvironmentFile" && !util::trim(e.value.text).empty()) {
            files.push_back(std::string(util::trim(e.value.text)));
        }
    }
    std::string file_list = files.empty() ? std::string() : fmt::format("{}", fmt::join(files, ", "));
    std::vector<sh::Word> result;
    for (const sh::Word& w : words) {
        bool braced = false;
        std::string name = w.dynamic ? whole_variable(w, braced) : std::string();
        if (name.empty()) {
            result.push_back(w);
            continue;
        }
        const EnvAssignment* found = nullptr;
        for (const EnvAssignment& a : env) {
            if (a.name == name) {
                found = &a;  // the last assignment wins
            }
        }
        if (found == nullptr) {
            out.diagnostics.push_back(core::make_diagnostic(
                core::DiagLevel::note, *source, w.begin,
                files.empty()
                    ? fmt::format("${} is not set by Environment= in this unit: the flags it holds "
                                  "are unknown",
                                  name)
                    : fmt::format("${} comes from EnvironmentFile={}, which is not scanned with this "
                                  "unit: the flags it holds are unknown",
                                  name, file_list)));
            result.push_back(w);
            continue;
        }
        if (!files.empty()) {
            out.diagnostics.push_back(core::make_diagnostic(
                core::DiagLevel::note, *source, w.begin,
                fmt::format("${} is read from Environment= in this unit; EnvironmentFile={} would override "
                            "it if it sets {}",
                            name, file_list, name)));
        }
        const Joined& v = found->value;
        auto emit = [&](size_t b, size_t e) {
            sh::Word nw;
            nw.value = v.text.substr(b, e - b);
            nw.begin = v.offsets.empty() ? w.begin : v.offsets[b];
            nw.end = v.offsets.empty() ? w.end : v.offsets[e - 1] + 1;
            result.push_back(std::move(nw));
        };
        if (braced) {
            if (!v.text.empty()) {
                emit(0, v.text.size());
            }
            continue;
        }
        for (size_t i = 0; i < v.text.size();) {
            while (i < v.text.size() && std::isspace(static_cast<unsigned char>(v.text[i])) != 0) {
                ++i;
            }
            size_t b = i;
            while (i < v.text.size() && std::isspace(static_cast<unsigned char>(v.text[i])) == 0) {
                ++i;
            }
            if (i > b) {
                emit(b, i);
            }
        }
    }
    return result;
}

void read_unit(const util::SourcePtr& source, ParseResult& out) {
    std::vector<ServiceEntry> env;
    std::optional<Joined> exec = last_exec_start(source->text(), env);
    if (!exec) {
        return;
    }
    // Executable prefixes: @ - : + ! !!
    size_t skip = exec->text.find_first_not_of(" \t@-:+!");
    if (skip == std::string::npos) {
        return;
    }
    std::string command = exec->text.substr(skip);
    sh::Script script = input::shell::parse(command);
    // Any depth: `ExecStart=/bin/sh -c 'exec dockerd ...'` runs the daemon too.
    for (const sh::Command& c : script.commands) {
        std::optional<size_t> start = daemon_flags_start(c.argv);
        if (!start) {
            continue;
        }
        std::vector<sh::Word> words;
        for (size_t i = 0; i < c.argv.size(); ++i) {
            sh::Word w = c.argv[i];
            w.begin += static_cast<uint32_t>(skip);
            w.end += static_cast<uint32_t>(skip);
            words.push_back(exec->map(w));
        }
        const sh::Word& first = words[*start - 1];
        out.spec.origin = model::Origin{source, {words.front().begin, first.end}};
        std::vector<sh::Word> flags = substitute_environment(
            std::vector<sh::Word>(words.begin() + static_cast<long>(*start), words.end()), env, source, out);
        apply_flags(flags, source, out.spec, out.diagnostics);
        return;
    }
    uint32_t at = exec->offsets.empty() ? 0 : exec->offsets[std::min(skip, exec->offsets.size() - 1)];
    out.diagnostics.push_back(core::make_diagnostic(core::DiagLevel::note, *source, at,
                                                    "ExecStart= does not run dockerd: no daemon flags read"));
}

constexpr std::string_view k_option_variables[] = {"DOCKER_OPTS", "OPTIONS", "other_args"};

void read_environment_file(const util::SourcePtr& source, ParseResult& out) {
    const std::string& text = source->text();
    sh::Script script = input::shell::parse(text);
    // The last assignment of each variable wins.
    std::vector<std::optional<sh::Word>> found(std::size(k_option_variables));
    for (const sh::Command& c : script.commands) {
        if (c.depth != 0) {
            continue;
        }
        std::vector<const sh::Word*> candidates;
        for (const sh::Word& w : c.assignments) {
            candidates.push_back(&w);
        }
        if (!c.argv.empty() && (c.argv[0].value == "export" || c.argv[0].value == "declare")) {
            for (size_t i = 1; i < c.argv.size(); ++i) {
                candidates.push_back(&c.argv[i]);
            }
        }
        for (const sh::Word* w : candidates) {
            std::string_view name = std::string_view(w->value).substr(0, w->value.find('='));
            for (size_t k = 0; k < std::size(k_option_variables); ++k) {
                if (name == k_option_variables[k] && w->value.find('=') != std::string::npos) {
                    found[k] = *w;
                }
            }
        }
    }
    bool first = true;
    for (const std::optional<sh::Word>& w : found) {
        if (!w || w->end > text.size()) {
            continue;
        }
        size_t eq = text.find('=', w->begin);
        if (eq == std::string::npos || eq >= w->end) {
            continue;
        }
        size_t vb = eq + 1;
        size_t ve = w->end;
        if (ve - vb >= 2 && (text[vb] == '"' || text[vb] == '\'') && text[ve - 1] == text[vb]) {
            ++vb;
            --ve;
        }
        std::string inner = text.substr(vb, ve - vb);
        sh::Script flags = input::shell::parse(inner);
        std::vector<sh::Word> words;
        for (const sh::Command& c : flags.commands) {
            if (c.depth != 0) {
                continue;
            }
            for (const sh::Word& a : c.assignments) {
                words.push_back(a);
            }
            for (const sh::Word& a : c.argv) {
                words.push_back(a);
            }
        }
        for (sh::Word& word : words) {
            word.begin += static_cast<uint32_t>(vb);
            word.end += static_cast<uint32_t>(vb);
        }
        if (first) {
            out.spec.origin = model::Origin{source, {w->begin, static_cast<uint32_t>(eq)}};
            first = false;
        }
        apply_flags(words, source, out.spec, out.diagnostics);
    }
}

}  // namespace

void apply_flags(std::span<const model::shell::Word> words, const util::SourcePtr& source,
                 model::DaemonSpec& spec, std::vector<core::Diagnostic>& diags) {
    FlagReader(source, spec, diags).read(words);
}

ParseResult parse_dockerd_config(const util::SourcePtr& source) {
    ParseResult out;
    out.spec.source_kind = "dockerd";
    out.spec.defaults_apply = false;
    out.spec.origin = model::Origin{source, {0, source->text().empty() ? 0U : 1U}};
    if (is_unit_file(source->text())) {
        read_unit(source, out);
    } else {
        read_environment_file(source, out);
    }
    return out;
}

}  // namespace bulwark::input::daemon
