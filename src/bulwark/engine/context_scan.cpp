#include "bulwark/engine/context_scan.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/engine/rule_run.hpp"
#include "bulwark/engine/suppress.hpp"
#include "bulwark/input/context/copies.hpp"
#include "bulwark/input/context/dockerignore.hpp"
#include "bulwark/rules/secrets/files.hpp"
#include "bulwark/rules/secrets/scanner.hpp"
#include "bulwark/util/filesystem.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

namespace ctxin = input::context;

bool any_context_rule(const core::Policy& policy) {
    if (enables_every_rule(policy)) {
        return !context_rules().empty();
    }
    return std::any_of(context_rules().begin(), context_rules().end(),
                       [&](const rules::Rule* r) { return rule_enabled(*r, policy); });
}

/// What precedes a path below `root` ("" for "."): computed once for a directory's many files.
std::string prefix_of(const std::string& root) {
    return root == "." ? std::string() : root + "/";
}

/// `path` relative to the root whose prefix_of() is `prefix` ('/'-separated), or "" when it is not
/// below it.
std::string relative_to_prefix(const std::string& prefix, std::string_view path) {
    std::string normal;  // made only when `path` is not normal already (rarely)
    std::string_view p = path;
    if (!util::is_normal_path(path)) {
        normal = util::normal_path(path);
        p = normal;
    }
    if (prefix.empty()) {
        return util::starts_with(p, "/") || util::starts_with(p, "../") ? std::string() : std::string(p);
    }
    return util::starts_with(p, prefix) ? std::string(p.substr(prefix.size())) : std::string();
}

uint32_t line_of(std::string_view data, uint64_t offset) {
    offset = std::min<uint64_t>(offset, data.size());
    return 1 +
           static_cast<uint32_t>(std::count(data.begin(), data.begin() + static_cast<long>(offset), '\n'));
}

/// Reads a context file and records the secrets in it (text files only: a NUL byte means none).
/// When the file is also a scan input, its bytes and matches go to the cache for that scan.
void scan_contents(const util::FileSystem& fs, ContextCache& cache, ContextCache::File& file) {
    util::ReadResult r = fs.read(file.disk, k_context_read_cap);
    if (!r.error.empty()) {
        file.too_large = r.error_kind == util::ReadError::too_large;
        file.unreadable = !file.too_large;
        return;
    }
    file.bytes_read = r.data.size();
    ContextCache::SharedInput read;
    read.bytes = std::move(r.data);
    const std::string& data = read.bytes;
    if (data.find('\0') == std::string::npos) {
        read.secrets = rules::secrets::SecretScanner::builtin().scan(data);
        read.scanned = true;
        for (const rules::secrets::SecretMatch& m : read.secrets) {
            file.secrets.push_back(model::ContextSecret{std::string(m.id), std::string(m.name), m.severity,
                                                        line_of(data, m.begin), m.preview});
        }
    }
    cache.offer_input(file, read);
}

}  // namespace

bool ContextCache::Directory::lists(std::string_view rel) const {
    auto it = std::lower_bound(files.begin(), files.end(), rel,
                               [](const std::unique_ptr<File>& f, std::string_view r) { return f->rel < r; });
    return it != files.end() && (*it)->rel == rel;
}

bool ContextCache::Directory::has_file(const util::FileSystem& fs, std::string_view rel,
                                       const std::string& disk) const {
    return truncated ? fs.kind(disk) == util::PathKind::other : lists(rel);
}

const ContextCache::Directory& ContextCache::directory(const util::FileSystem& fs, const std::string& root) {
    Directory* d = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        std::unique_ptr<Directory>& slot = dirs_[root];
        if (slot == nullptr) {
            slot = std::make_unique<Directory>();
        }
        d = slot.get();
    }
    d->walked.call([&] {
        d->has_git = fs.exists(root == "." ? ".git" : root + "/.git");
        d->prefix = prefix_of(root);
        const std::string& prefix = d->prefix;
        util::WalkResult walked = fs.walk_reporting(root, {".git"});
        d->unreadable = std::move(walked.errors);
        for (std::string& disk : walked.files) {
            std::string rel = relative_to_prefix(prefix, disk);
            if (rel.empty()) {
                continue;
            }
            if (d->files.size() >= k_context_file_cap) {
                d->truncated = true;
                break;
            }
            auto f = std::make_unique<File>();
            f->secret_name = rules::secrets::secret_file_kind(rel).has_value();
            d->lists_ignore_files = d->lists_ignore_files || util::ends_with(rel, ".dockerignore");
            f->rel = std::move(rel);
            f->disk = std::move(disk);
            d->files.push_back(std::move(f));
        }
        {
            // Which files are also inputs, looked up once here rather than at each read.
            std::lock_guard<std::mutex> lock(inputs_mutex_);
            if (!inputs_.empty()) {
                for (const std::unique_ptr<File>& f : d->files) {
                    if (auto it = inputs_.find(f->disk); it != inputs_.end()) {
                        f->input = &it->second;
                    }
                }
            }
        }
        // The context's own .dockerignore, looked up once for all the Dockerfiles of the directory.
        const std::string ignore_file = prefix + ".dockerignore";
        const std::string rel = relative_to_prefix(prefix, ignore_file);
        d->has_ignore_file =
            rel.empty() ? fs.kind(ignore_file) == util::PathKind::other : d->has_file(fs, rel, ignore_file);
    });
    return *d;
}

const ContextCache::Sent& ContextCache::sent(const util::FileSystem& fs, const Directory& dir,
                                             const ctxin::IgnoreFile& ignore, std::string_view ignore_path) {
    Sent* s = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = dir.sent.find(ignore_path);
        if (it == dir.sent.end()) {
            it = dir.sent.emplace(std::string(ignore_path), std::make_unique<Sent>()).first;
        }
        s = it->second.get();
    }
    s->built.call([&] {
        s->directory = &dir;
        s->git_ignored = dir.has_git && ctxin::match_path(ignore, ".git").excluded;
        // Each file judged once; the sent ones are then read in path order, a chunk read ahead at a
        // time (FileSystem::prefetch), and scanned for secrets, until the bytes read reach the budget.
        std::vector<Judged> judged;
        judged.reserve(dir.files.size());
        std::vector<size_t> to_read;  // indices into `judged` of the sent files
        for (const std::unique_ptr<File>& file : dir.files) {
            Judged& j = judged.emplace_back();
            j.file = file.get();
            ctxin::IgnoreVerdict v = ctxin::match_path(ignore, file->rel);
            j.ignored = v.excluded;
            j.ignore_rule = v.pattern;
            if (!j.ignored) {
                to_read.push_back(judged.size() - 1);
            }
        }
        uint64_t budget = k_context_read_budget;
        std::vector<std::string> ahead;
        size_t next = 0;
        while (next < to_read.size() && budget > 0) {
            const size_t end = std::min(to_read.size(), next + k_context_read_ahead);
            ahead.clear();
            for (size_t k = next; k < end; ++k) {
                if (const File& f = *judged[to_read[k]].file; !f.read.done()) {
                    ahead.push_back(f.disk);
                }
            }
            if (ahead.size() > 1) {
                fs.prefetch(ahead, k_context_read_cap);
            }
            for (; next < end && budget > 0; ++next) {
                Judged& j = judged[to_read[next]];
                j.file->read.call([&] { scan_contents(fs, *this, *j.file); });
                j.read = true;
                budget -= std::min(budget, j.file->bytes_read);
                s->unread_large += j.file->too_large ? 1 : 0;
                s->unreadable += j.file->unreadable ? 1 : 0;
            }
        }
        s->unread_budget = to_read.size() - next;
        for (const Judged& j : judged) {
            if (j.file->secret_name || (j.read && !j.file->secrets.empty())) {
                s->files.push_back(j);
            }
        }
    });
    return *s;
}

void ContextCache::expect_inputs(const std::vector<std::string_view>& paths) {
    std::lock_guard<std::mutex> lock(inputs_mutex_);
    inputs_.reserve(inputs_.size() + paths.size());
    input_order_.reserve(input_order_.size() + paths.size());
    for (std::string_view p : paths) {
        input_order_.push_back(p.empty() ? nullptr : &inputs_.try_emplace(std::string(p)).first->second);
    }
}

std::optional<ContextCache::SharedInput> ContextCache::take_input(size_t index) {
    std::lock_guard<std::mutex> lock(inputs_mutex_);
    InputSlot* slot = index < input_order_.size() ? input_order_[index] : nullptr;
    if (slot == nullptr) {
        return std::nullopt;
    }
    slot->taken = true;
    std::optional<SharedInput> input = std::move(slot->input);
    slot->input.reset();
    return input;
}

bool ContextCache::holds_input(size_t index) {
    std::lock_guard<std::mutex> lock(inputs_mutex_);
    const InputSlot* slot = index < input_order_.size() ? input_order_[index] : nullptr;
    return slot != nullptr && slot->input.has_value();
}

bool ContextCache::is_input(const std::string& path) {
    std::lock_guard<std::mutex> lock(inputs_mutex_);
    return inputs_.contains(path);
}

void ContextCache::offer_input(const File& file, SharedInput& input) {
    if (file.input == nullptr) {
        return;
    }
    std::lock_guard<std::mutex> lock(inputs_mutex_);
    if (!file.input->taken && !file.input->input) {
        file.input->input = std::move(input);
    }
}

void scan_build_context(const util::SourcePtr& source, const model::Dockerfile& df, const InputContext& ctx,
                        report::FileResult& result, const InlineSuppressions* suppressions) {
    const std::string& path = source->path();
    if (!any_context_rule(ctx.policy) ||
        (!ctx.read_from_disk && ctx.fs.kind(path) != util::PathKind::other)) {
        return;
    }
    model::BuildContext bc;
    size_t slash = path.rfind('/');
    // A normal path not at the filesystem root splits at its last '/' into the root and the
    // Dockerfile's relative path, which is what normalising and relating them would give.
    const bool split = slash != 0 && util::is_normal_path(path);
    if (split) {
        bc.root = slash == std::string::npos ? std::string(".") : path.substr(0, slash);
    } else {
        bc.root = slash == std::string::npos
                      ? std::string()
                      : util::normal_path(std::string_view(path).substr(0, std::max<size_t>(slash, 1)));
        if (bc.root.empty()) {
            bc.root = ".";
        }
        while (bc.root.size() > 1 && bc.root.back() == '/') {
            bc.root.pop_back();
        }
    }
    const std::string& root = bc.root;

    std::optional<ContextCache> local;  // without a scan-wide cache, this Dockerfile's own
    ContextCache& cache = ctx.contexts != nullptr ? *ctx.contexts : local.emplace();
    const ContextCache::Directory& directory = cache.directory(ctx.fs, root);
    const std::string& prefix = directory.prefix;
    bc.dockerfile =
        split ? path.substr(slash == std::string::npos ? 0 : slash + 1) : relative_to_prefix(prefix, path);

    // Dockerfile.dockerignore next to the Dockerfile wins over the context's .dockerignore. Both are
    // in the context's directory, so its walk says whether they exist. `path` names a file, so its
    // relative path with the suffix is the suffixed path's relative path.
    constexpr std::string_view k_own_suffix = ".dockerignore";
    bool found = false;
    if (bc.dockerfile.empty() || directory.truncated) {
        found = ctx.fs.kind(path + std::string(k_own_suffix)) == util::PathKind::other;
    } else if (directory.lists_ignore_files) {
        thread_local std::string own_ignore;  // reused: every Dockerfile asks
        own_ignore.assign(bc.dockerfile).append(k_own_suffix);
        found = directory.lists(own_ignore);
    }
    std::string candidate;
    if (found) {
        candidate = path + std::string(k_own_suffix);
    } else if (directory.has_ignore_file) {
        candidate = prefix + ".dockerignore";
        found = true;
    }
    if (found) {
        util::ReadResult r = ctx.fs.read(candidate, ctx.max_file_size);
        if (!r.error.empty()) {
            result.diagnostics.push_back(
                core::Diagnostic{core::DiagLevel::error, core::Location{candidate, 0, 0, 0, 0, {}},
                                 fmt::format("cannot read ignore file: {}; build context not analysed",
                                             core::read_error_text(r, ctx.max_file_size))});
            return;
        }
        bc.ignore_file = std::make_shared<const util::SourceFile>(candidate, std::move(r.data));
    }
    ctxin::IgnoreFile ignore;
    if (bc.ignore_file != nullptr) {
        ignore = ctxin::parse_dockerignore(bc.ignore_file);
        if (!ignore.valid()) {
            for (core::Diagnostic& d : ignore.diagnostics) {
                d.message += "; build context not analysed";
                result.diagnostics.push_back(std::move(d));
            }
            result.other_sources.push_back(bc.ignore_file);
            return;
        }
        for (const ctxin::IgnorePattern& p : ignore.patterns) {
            bc.ignore_rules.push_back(p.rule);
        }
    }

    const ContextCache::Sent& sent =
        cache.sent(ctx.fs, directory, ignore, bc.ignore_file != nullptr ? bc.ignore_file->path() : "");
    bc.has_git = sent.directory->has_git;
    bc.git_ignored = sent.git_ignored;
    bc.truncated = sent.directory->truncated;
    for (const ContextCache::Judged& j : sent.files) {
        bool own = j.file->rel == bc.dockerfile;  // its own contents are the Dockerfile rules' concern
        if (own && !j.file->secret_name) {
            continue;
        }
        model::ContextFile f;
        f.path = j.file->rel;
        f.ignored = j.ignored;
        f.ignore_rule = j.ignore_rule;
        if (j.read && !own) {
            f.secrets = j.file->secrets;
        }
        bc.files.push_back(std::move(f));
    }
    if (bc.truncated) {
        result.diagnostics.push_back(core::Diagnostic{
            core::DiagLevel::note, core::Location{path, 0, 0, 0, 0, {}},
            fmt::format("build context {} has more than {} files: only the first {} were checked", root,
                        k_context_file_cap, k_context_file_cap)});
    }
    for (const util::WalkError& e : sent.directory->unreadable) {
        result.diagnostics.push_back(core::Diagnostic{
            core::DiagLevel::note, core::Location{path, 0, 0, 0, 0, {}},
            fmt::format("build context {}: cannot read directory {}: {}; its files were not checked", root,
                        e.path, e.error)});
    }
    if (const size_t unread = sent.unreadable + sent.unread_large + sent.unread_budget; unread > 0) {
        std::vector<std::string> why;
        if (sent.unreadable > 0) {
            why.push_back(fmt::format("{} unreadable", sent.unreadable));
        }
        if (sent.unread_large > 0) {
            why.push_back(fmt::format("{} over {} MiB", sent.unread_large, k_context_read_cap >> 20U));
        }
        if (sent.unread_budget > 0) {
            why.push_back(fmt::format("{} past the first {} MiB read", sent.unread_budget,
                                      k_context_read_budget >> 20U));
        }
        result.diagnostics.push_back(core::Diagnostic{
            core::DiagLevel::note, core::Location{path, 0, 0, 0, 0, {}},
            fmt::format("build context {}: {} sent file{} not scanned for secrets ({})", root, unread,
                        unread == 1 ? " was" : "s were", fmt::join(why, ", "))});
    }

    ctxin::resolve_copies(df, bc);

    std::vector<core::Finding> findings;
    const bool every_rule = enables_every_rule(ctx.policy);
    for (const rules::Rule* rule : context_rules()) {
        if (every_rule || rule_enabled(*rule, ctx.policy)) {
            rules::Reporter reporter(*rule, *source, findings);
            rule->check_context(rules::ContextContext{df, bc, ctx.policy}, reporter);
        }
    }
    if (findings.empty()) {
        return;
    }
    if (suppressions != nullptr) {
        apply_inline_suppressions(*suppressions, findings);
    } else {
        std::vector<core::Diagnostic> repeated;  // comment problems were reported by the Dockerfile scan
        apply_inline_suppressions(df, ctx.policy.today, findings, repeated);
    }
    finish_more_findings(ctx.policy, result, std::move(findings));
}

}  // namespace bulwark::engine
