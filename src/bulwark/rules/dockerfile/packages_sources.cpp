// BD057: package repositories and indexes reached over plain HTTP.
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "bulwark/rules/ascii.hpp"
#include "bulwark/rules/dockerfile/packages_checks.hpp"
#include "bulwark/rules/dockerfile/packages_managers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

/// The first plain-HTTP URL in `text` whose host is not the local machine; npos when none.
size_t insecure_url_at(std::string_view text) {
    if (text.find("://") == std::string_view::npos) {
        return std::string::npos;  // no URL at all: most words, without lower-casing them
    }
    std::string lower = util::to_lower(text);
    for (size_t at = lower.find("http://"); at != std::string::npos; at = lower.find("http://", at + 7)) {
        std::string_view rest = std::string_view(lower).substr(at + 7);
        std::string_view host = rest.substr(0, find_first_of(rest, "/:?#\"' "));
        if (util::starts_with(rest, "[::1]")) {
            continue;
        }
        if (host == "localhost" || util::starts_with(host, "127.") || host.empty()) {
            continue;
        }
        return at;
    }
    return std::string::npos;
}

/// The first insecure URL of `text`, up to white space or a quote.
std::string_view insecure_url(std::string_view text) {
    size_t at = insecure_url_at(text);
    if (at == std::string::npos) {
        return {};
    }
    std::string_view rest = text.substr(at);
    return rest.substr(0, find_first_of(rest, " \t\n\"'\\"));
}

std::string https_of(std::string_view text) {
    size_t at = insecure_url_at(text);
    std::string s(text);
    if (at != std::string::npos) {
        s.replace(at, 7, "https://");
    }
    return s;
}

/// An apt source line (`deb [opts] http://...`) or yum repo line (`baseurl=http://...`) in `text`.
bool has_insecure_repo_line(std::string_view text) {
    if (text.find("://") == std::string_view::npos) {
        return false;  // no URL, so no insecure one (insecure_url_at)
    }
    for (std::string_view line : util::split(text, '\n')) {
        line = util::trim(line);
        std::string lower = util::to_lower(line);
        std::string_view l = lower;
        if (util::starts_with(l, "deb ") || util::starts_with(l, "deb-src ")) {
            l = util::trim(l.substr(l.find(' ')));
            if (util::starts_with(l, "[")) {
                size_t close = l.find(']');
                l = close == std::string_view::npos ? std::string_view{} : util::trim(l.substr(close + 1));
            }
            if (util::starts_with(l, "http://") && insecure_url_at(l) == 0) {
                return true;
            }
        } else if (util::starts_with(l, "baseurl=") || util::starts_with(l, "mirrorlist=")) {
            std::string_view url = util::trim(l.substr(l.find('=') + 1));
            if (util::starts_with(url, "http://") && insecure_url_at(url) == 0) {
                return true;
            }
        }
    }
    return false;
}

bool writes_apk_repositories(const RunCommand& c) {
    for (const shell::Redirect& r : c.command->redirects) {
        if ((r.op == ">" || r.op == ">>") && util::ends_with(r.target.value, "/etc/apk/repositories")) {
            return true;
        }
    }
    const shell::Script& s = c.body->script;
    for (const shell::Command* next = shell::piped_into(s, c.index); next != nullptr;
         next = shell::piped_into(s, shell::index_of(s, *next))) {
        if (shell::is_command(*next, "tee")) {
            for (const shell::Word* op : shell::operands(shell::effective_argv(*next))) {
                if (util::ends_with(op->value, "/etc/apk/repositories")) {
                    return true;
                }
            }
        }
    }
    return false;
}

struct InsecureSource {
    const shell::Word* word;
    core::Severity severity;  // lower for signed OS repositories
    std::string what;
};

/// Plain-HTTP sources configured or used by command `at` of `view`.
std::optional<InsecureSource> insecure_source(const RunView& view, size_t at) {
    using core::Severity;
    const RunCommand& c = view.commands()[at];
    if (c.argv.empty()) {
        return std::nullopt;
    }
    auto url_word = [](const shell::Word* w) { return w != nullptr && insecure_url_at(w->value) == 0; };
    if (c.program == "echo" || c.program == "printf") {
        bool apk_file = writes_apk_repositories(c);
        for (size_t i = 1; i < c.argv.size(); ++i) {
            const shell::Word& w = c.argv[i];
            if (has_insecure_repo_line(w.value)) {
                return InsecureSource{&w, Severity::low, "an apt/yum repository over http://"};
            }
            if (apk_file && util::starts_with(util::to_lower(util::trim(w.value)), "http://") &&
                insecure_url_at(util::trim(w.value)) == 0) {
                return InsecureSource{&w, Severity::low, "an apk repository over http://"};
            }
        }
        return std::nullopt;
    }
    if (c.program == "add-apt-repository") {
        for (const shell::Word* op : shell::operands(c.argv)) {
            if (has_insecure_repo_line(op->value) || url_word(op)) {
                return InsecureSource{op, Severity::low, "an apt repository over http://"};
            }
        }
        return std::nullopt;
    }
    if (c.program == "yum-config-manager" || c.program == "zypper" ||
        (c.program == "dnf" && c.argv.size() > 1 && c.argv[1].value == "config-manager")) {
        auto v = shell::option_value(c.argv, "", {"add-repo"});
        if (v && insecure_url_at(*v) == 0) {
            return InsecureSource{shell::option_word(c.argv, "", {"add-repo"}), Severity::low,
                                  "a package repository over http://"};
        }
        if (c.program == "zypper") {
            const PackageCommand* pc = view.package_at(at);
            if (pc && in_word_list("addrepo ar", pc->subcommand)) {
                for (const shell::Word* op : pc->operands) {
                    if (url_word(op)) {
                        return InsecureSource{op, Severity::low, "a zypper repository over http://"};
                    }
                }
            }
        }
        return std::nullopt;
    }
    const PackageCommand* pc = view.package_at(at);
    if (!pc) {
        return std::nullopt;
    }
    const PackageManager& m = *pc->manager;
    // Only these managers' options and `config set` are checked below (apt-get, the most common
    // manager, stops here), each in a word of c.argv holding a URL: insecure_url_at() needs "://".
    if (m.name != "apk" && m.name != "pip" && m.name != "npm" && m.name != "yarn" && m.name != "gem" &&
        pc->subcommand != "config") {
        return std::nullopt;
    }
    if (std::none_of(c.argv.begin(), c.argv.end(),
                     [](const shell::Word& w) { return w.value.find("://") != std::string::npos; })) {
        return std::nullopt;
    }
    // The word of an option whose value is an insecure URL (`-i http://x`, `--index-url=http://x`).
    auto insecure_option = [&](std::string_view letters, std::initializer_list<std::string_view> names) {
        auto v = shell::option_value(c.argv, letters, names, m.value_options);
        return v && insecure_url_at(*v) == 0 ? shell::option_word(c.argv, letters, names, m.value_options)
                                             : nullptr;
    };
    if (m.name == "apk") {
        if (const shell::Word* w = insecure_option("X", {"repository"})) {
            return InsecureSource{w, Severity::low, "an apk repository over http://"};
        }
    } else if (m.name == "pip") {
        for (const shell::Word* w :
             {insecure_option("i", {"index-url"}), insecure_option("", {"extra-index-url"}),
              insecure_option("f", {"find-links"})}) {
            if (w != nullptr) {
                return InsecureSource{w, Severity::medium, "a Python package index over http://"};
            }
        }
    } else if (m.name == "npm" || m.name == "yarn") {
        if (const shell::Word* w = insecure_option("", {"registry"})) {
            return InsecureSource{w, Severity::medium, "an npm registry over http://"};
        }
    } else if (m.name == "gem") {
        if (const shell::Word* w = insecure_option("as", {"add", "source"})) {
            return InsecureSource{w, Severity::medium, "a RubyGems source over http://"};
        }
    }
    // `pip config set global.index-url http://...`, `npm config set registry http://...` (or key=value)
    if (pc->subcommand == "config" && pc->operands.size() >= 2 && pc->operands[0]->value == "set") {
        std::string key = util::to_lower(pc->operands[1]->value);
        bool index_key = key.find("index-url") != std::string::npos ||
                         key.find("registry") != std::string::npos ||
                         key.find("find-links") != std::string::npos;
        for (size_t i = 1; index_key && i < pc->operands.size(); ++i) {
            if (insecure_url_at(pc->operands[i]->value) != std::string::npos) {
                return InsecureSource{pc->operands[i], Severity::medium, "a package index over http://"};
            }
        }
    }
    return std::nullopt;
}

/// Environment variables that point package managers at an index.
bool is_index_variable(std::string_view name) {
    static constexpr std::string_view k_names[] = {"PIP_INDEX_URL",    "PIP_EXTRA_INDEX_URL",
                                                   "PIP_FIND_LINKS",   "NPM_CONFIG_REGISTRY",
                                                   "YARN_REGISTRY",    "YARN_NPM_REGISTRY_SERVER",
                                                   "UV_INDEX_URL",     "UV_EXTRA_INDEX_URL",
                                                   "UV_DEFAULT_INDEX", "UV_INDEX"};
    // Upper-case names compared without upper-casing `name` (util::to_upper folds ASCII only too).
    return std::any_of(std::begin(k_names), std::end(k_names),
                       [&](std::string_view known) { return util::iequals(name, known); });
}

}  // namespace

void check_insecure_sources(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& ins : df.instructions) {
        if (ins.kind == model::InstructionKind::env || ins.kind == model::InstructionKind::arg) {
            for (const model::KeyValue& kv : ins.pairs) {
                // No "://" in the value, no insecure URL: most pairs stop at that search.
                if (kv.has_value && kv.value.find("://") != std::string::npos && is_index_variable(kv.key) &&
                    insecure_url_at(kv.value) != std::string::npos) {
                    out.report(
                        kv.value_range,
                        fmt::format("{} points at a package index over http:// ({})", kv.key, kv.value),
                        fmt::format("{} {}={}", keyword_name(ins.kind), kv.key, https_of(kv.value)));
                }
            }
            continue;
        }
        if (ins.kind != model::InstructionKind::run) {
            continue;
        }
        const RunView& view = run_view(df, ins);
        std::span<const RunCommand> cmds = view.commands();
        for (size_t i = 0; i < cmds.size(); ++i) {
            const RunCommand& c = cmds[i];
            if (auto f = insecure_source(view, i)) {
                report_words(
                    out, c, *f->word, *f->word, f->severity,
                    fmt::format(
                        "{} ({}): anyone on the network path can tamper with or replay what is installed",
                        f->what, insecure_url(f->word->value)),
                    https_of(insecure_url(f->word->value)));
            }
        }
    }
}

}  // namespace bulwark::rules::dockerfile
