// Secrets in the build context (BD150-BD153): credential files and secret values that
// `docker build` sends to the builder, and those a COPY/ADD then puts into the image.
#include <array>
#include <charconv>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bulwark/model/shell_query.hpp"
#include "bulwark/rules/context/families.hpp"
#include "bulwark/rules/secrets/files.hpp"

namespace bulwark::rules::context {

namespace {

using core::Severity;
namespace sec = rules::secrets;

/// The pieces joined, in one allocation: the context rules write a message per secret of every
/// Dockerfile sharing a context, where fmt::format's parsing costs more than the copying.
std::string cat(std::initializer_list<std::string_view> pieces) {
    size_t size = 0;
    for (std::string_view p : pieces) {
        size += p.size();
    }
    std::string out;
    out.reserve(size);
    for (std::string_view p : pieces) {
        out += p;
    }
    return out;
}

/// `n` in decimal, in a buffer of the caller's.
std::string_view decimal(uint64_t n, std::array<char, 20>& buffer) {
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), n);
    return std::string_view(buffer.data(), static_cast<size_t>(end - buffer.data()));
}

/// Where a finding about `f` goes: the COPY/ADD that copies it (one into the shipped image first), or
/// nullptr for the top of the Dockerfile.
const model::ContextCopy* copy_of(const model::ContextFile& f) {
    const model::ContextCopy* best = nullptr;
    for (const model::ContextCopy& c : f.copies) {
        if (best == nullptr || (c.into_image && !best->into_image)) {
            best = &c;
        }
    }
    return best;
}

std::string copy_phrase(const ContextContext& ctx, const model::ContextCopy& c) {
    const model::Instruction& inst = ctx.dockerfile.instructions[static_cast<size_t>(c.instruction)];
    return cat({inst.keyword, " ", c.written, " copies it into ",
                c.into_image ? "the image" : "a build stage that is not shipped"});
}

/// The top of the Dockerfile (its first instruction) for findings about files no COPY copies.
model::Range top(const ContextContext& ctx) {
    const auto& insts = ctx.dockerfile.instructions;
    return insts.empty() ? model::Range{0, 0} : insts.front().keyword_range;
}

/// The secrets in `f`'s contents that these rules judge: none for a Dockerfile that no COPY/ADD
/// copies. A Dockerfile is what `docker build` reads, sent or not; a secret in one is the Dockerfile
/// rules' finding in that file (BD020, BD022), and a context rule would repeat it once for every other
/// Dockerfile of the directory. Copied into a stage, it is a context finding like any file's.
const std::vector<model::ContextSecret>& judged_secrets(const model::ContextFile& f) {
    static const std::vector<model::ContextSecret> k_none;
    return f.copies.empty() && model::is_dockerfile_name(model::shell::basename(f.path)) ? k_none : f.secrets;
}

/// The ignore-file line that should exclude it, for fixes.
std::string_view ignore_name(const ContextContext& ctx) {
    return ctx.context.ignore_file != nullptr ? std::string_view(ctx.context.ignore_file->path())
                                              : std::string_view(".dockerignore");
}

void check_secret_files(const ContextContext& ctx, Reporter& out) {
    for (const model::ContextFile& f : ctx.context.files) {
        if (f.ignored) {
            continue;
        }
        std::optional<sec::SecretFileKind> kind = sec::secret_file_kind(f.path);
        if (!kind) {
            continue;
        }
        std::string fix = fmt::format(
            "add `{}` to {}, and pass it to the build with "
            "RUN --mount=type=secret,id={} if a step needs it",
            f.path, ignore_name(ctx), kind->id);
        const model::ContextCopy* c = copy_of(f);
        if (c == nullptr) {
            out.report(top(ctx),
                       fmt::format("{} `{}` is sent to the builder with the build context: it is not "
                                   "excluded by a .dockerignore",
                                   kind->what, f.path),
                       fix);
        } else if (!sec::secret_file_kind(c->written)) {  // a COPY naming it is BD023's finding
            out.report(c->source, c->into_image ? Severity::high : Severity::medium,
                       fmt::format("{} `{}` is in the build context and {}", kind->what, f.path,
                                   copy_phrase(ctx, *c)),
                       fix);
        }
    }
}

void check_secret_contents(const ContextContext& ctx, Reporter& out) {
    for (const model::ContextFile& f : ctx.context.files) {
        if (f.ignored) {
            continue;
        }
        const std::vector<model::ContextSecret>& secrets = judged_secrets(f);
        if (secrets.empty()) {
            continue;
        }
        const model::ContextCopy* c = copy_of(f);
        const std::string copied = c != nullptr ? copy_phrase(ctx, *c) : std::string();
        const std::string fix =
            cat({"revoke the credential, remove it from `", f.path, "` (or add the file to ",
                 ignore_name(ctx), "), and pass it at build time with RUN --mount=type=secret"});
        std::array<char, 20> digits{};
        for (const model::ContextSecret& s : secrets) {
            const std::string_view line = decimal(s.line, digits);
            if (c == nullptr) {
                out.report(top(ctx),
                           cat({s.name, " (", s.preview, ") in `", f.path, "` line ", line,
                                " is sent to the builder with the build context"}),
                           fix);
            } else {
                out.report(c->source, c->into_image ? s.severity : Severity::medium,
                           cat({s.name, " (", s.preview, ") in `", f.path, "` line ", line, ": ", copied}),
                           fix);
            }
        }
    }
}

void check_missing_ignore(const ContextContext& ctx, Reporter& out) {
    const model::BuildContext& bc = ctx.context;
    if (bc.ignore_file != nullptr) {
        return;
    }
    std::vector<std::string> sent;
    if (bc.has_git) {
        sent.push_back(".git");
    }
    size_t secrets = 0;
    for (const model::ContextFile& f : bc.files) {
        if (sec::secret_file_kind(f.path) || !judged_secrets(f).empty()) {
            ++secrets;
            if (sent.size() < 4) {
                sent.push_back(f.path);
            }
        }
    }
    if (sent.empty()) {
        return;
    }
    size_t total = secrets + (bc.has_git ? 1 : 0);
    std::string message = cat({"no .dockerignore in the build context ", bc.root, ": `"});
    for (size_t i = 0; i < sent.size(); ++i) {
        message += i == 0 ? "" : "`, `";
        message += sent[i];
    }
    message += '`';
    if (total > sent.size()) {
        std::array<char, 20> digits{};
        message += " and ";
        message += decimal(total - sent.size(), digits);
        message += " more";
    }
    message += total == 1 ? " is sent to the builder" : " are sent to the builder";
    out.report(top(ctx), secrets > 0 ? Severity::medium : Severity::low, std::move(message),
               cat({"create ", bc.root, "/.dockerignore listing .git and the credential files"}));
}

void check_reincluded_secret(const ContextContext& ctx, Reporter& out) {
    const model::BuildContext& bc = ctx.context;
    if (bc.ignore_file == nullptr) {
        return;
    }
    for (const model::ContextFile& f : bc.files) {
        if (f.ignored || f.ignore_rule < 0 || static_cast<size_t>(f.ignore_rule) >= bc.ignore_rules.size()) {
            continue;
        }
        const model::IgnoreRule& rule = bc.ignore_rules[static_cast<size_t>(f.ignore_rule)];
        std::optional<sec::SecretFileKind> kind = sec::secret_file_kind(f.path);
        const std::vector<model::ContextSecret>& secrets = judged_secrets(f);
        if (!rule.exclusion || (!kind && secrets.empty())) {
            continue;
        }
        std::string what =
            kind ? std::string(kind->what) : fmt::format("a file holding a {}", secrets.front().name);
        out.report_in(
            *bc.ignore_file, rule.range, out.rule().severity,
            fmt::format("`!{}` puts {} `{}` back into the build context", rule.pattern, what, f.path),
            fmt::format("narrow the exception so that it does not match `{}`", f.path));
    }
}

const Rule k_rules[] = {
    {
        .id = "BD150",
        .title = "A credential file is sent with the build context",
        .severity = Severity::medium,
        .category = category::secrets,
        .tags = "secrets,context,dockerignore,copy",
        .rationale =
            "`docker build` sends every file of the build context that .dockerignore does not exclude to the "
            "builder, which may be remote (a CI service, a cloud builder). A private key, .npmrc, .env or "
            "cloud credential file there is one `COPY . .` away from being baked into a layer, and a COPY "
            "that "
            "already selects it puts it in the image, readable by anyone who can pull it.",
        .remediation = "List credential files in .dockerignore (or Dockerfile.dockerignore) and give a step "
                       "that needs one a build secret: RUN --mount=type=secret.",
        .bad_example = "# build context: Dockerfile, app/, .npmrc (no .dockerignore)\nFROM node:20-slim\n"
                       "COPY . /app",
        .good_example = "# build context: Dockerfile, app/, .npmrc; .dockerignore lists .npmrc\n"
                        "FROM node:20-slim\nCOPY . /app",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.10",
        .dockle = "",
        .check_context = check_secret_files,
    },
    {
        .id = "BD151",
        .title = "A secret value is in a file of the build context",
        .severity = Severity::medium,
        .category = category::secrets,
        .tags = "secrets,context,dockerignore,copy",
        .rationale =
            "A file of the build context that holds a token, password or private key (found by the same "
            "patterns as secrets in a Dockerfile) is sent to the builder; when a COPY/ADD selects it, the "
            "secret is written into a layer of the image and stays in it even if a later step deletes it.",
        .remediation = "Revoke the secret, keep it out of the context (.dockerignore) and pass it at build "
                       "time with RUN --mount=type=secret.",
        .bad_example = "# build context: Dockerfile, config/settings.ini containing a GitHub token\n"
                       "FROM python:3.12-slim\nCOPY config/ /app/config/",
        .good_example = "# build context: Dockerfile, config/settings.ini without credentials\n"
                        "FROM python:3.12-slim\nCOPY config/ /app/config/",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.10",
        .dockle = "",
        .check_context = check_secret_contents,
    },
    {
        .id = "BD152",
        .title = "No .dockerignore while .git or credential files are in the build context",
        .severity = Severity::low,
        .category = category::secrets,
        .tags = "secrets,context,dockerignore",
        .rationale =
            "Without a .dockerignore the whole directory goes to the builder: the .git directory (the full "
            "history, remotes, sometimes tokens in .git/config) and any credential file. It also makes "
            "builds "
            "slower and invalidates the cache of `COPY . .` on every commit.",
        .remediation = "Add a .dockerignore next to the Dockerfile (the context root) that excludes .git, "
                       "credential files and everything the image does not need.",
        .bad_example =
            "# build context: Dockerfile, .git/, src/ (no .dockerignore)\nFROM golang:1.22\nCOPY . /src",
        .good_example =
            "# build context: Dockerfile, .git/, src/; .dockerignore lists .git\nFROM golang:1.22\n"
            "COPY . /src",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .dockle = "",
        .check_context = check_missing_ignore,
    },
    {
        .id = "BD153",
        .title = "A .dockerignore exception puts a credential file back into the build context",
        .severity = Severity::medium,
        .category = category::secrets,
        .tags = "secrets,context,dockerignore",
        .rationale =
            "In .dockerignore the last matching line wins: an exception such as `!config/*` written after "
            "`config/` re-includes every file it matches, credential files too, and they are sent to the "
            "builder again.",
        .remediation = "Make the exception name only what the build needs, or exclude the credential file "
                       "again on a later line.",
        .bad_example = "# .dockerignore: config/  then  !config/*\n# build context: config/app.yaml, "
                       "config/id_rsa\nFROM alpine:3.20\nCOPY config/ /etc/app/",
        .good_example = "# .dockerignore: config/  then  !config/app.yaml\n# build context: config/app.yaml, "
                        "config/id_rsa\nFROM alpine:3.20\nCOPY config/ /etc/app/",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.10",
        .dockle = "",
        .check_context = check_reincluded_secret,
    },
};

}  // namespace

std::span<const Rule> secret_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::context
