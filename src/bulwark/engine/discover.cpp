#include "bulwark/engine/discover.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "bulwark/engine/inputs.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {
bool skipped(const std::string& path, const std::vector<std::string>& skip) {
    for (const std::string& glob : skip) {
        if (util::glob_match(glob, path)) {
            return true;
        }
        // Also try every suffix that starts at a path component: --skip 'vendor/*' skips a/vendor/x.
        for (size_t pos = path.find('/'); pos != std::string::npos; pos = path.find('/', pos + 1)) {
            if (util::glob_match(glob, std::string_view(path).substr(pos + 1))) {
                return true;
            }
        }
    }
    return false;
}

/// Arguments that share a directory with this many others or more are looked up in one listing of
/// it: a stat per argument is a system call per argument (a corpus given file by file).
constexpr size_t k_list_min = 8;
/// A listing reads at most this many entries per argument it answers for (a large directory given
/// a few of its files is stat'ed file by file instead).
constexpr size_t k_list_entries_per_path = 64;

/// The kind of each of `paths` ("-" is missing: it is not looked up), as fs.kind() answers, with one
/// directory listing for arguments that share a directory: the listing's type of a regular file or a
/// directory is stat's (a symbolic link, another type or a name the listing lacks is stat'ed).
std::vector<util::PathKind> kinds_of(const util::FileSystem& fs, const std::vector<std::string>& paths,
                                     std::vector<bool>& listed_regular) {
    std::vector<util::PathKind> kinds(paths.size(), util::PathKind::missing);
    std::vector<bool> known(paths.size(), false);
    listed_regular.assign(paths.size(), false);
    std::unordered_map<std::string_view, std::vector<size_t>> by_dir;
    for (size_t i = 0; i < paths.size(); ++i) {
        std::string_view p = paths[i];
        size_t slash = p.rfind('/');
        std::string_view name = slash == std::string_view::npos ? p : p.substr(slash + 1);
        if (p == "-" || name.empty() || name == "." || name == "..") {
            continue;
        }
        std::string_view dir = slash == std::string_view::npos ? "." : slash == 0 ? "/" : p.substr(0, slash);
        by_dir[dir].push_back(i);
    }
    for (const auto& [dir, members] : by_dir) {
        if (members.size() < k_list_min) {
            continue;
        }
        auto listing = fs.list_kinds(std::string(dir), members.size() * k_list_entries_per_path);
        if (!listing) {
            continue;
        }
        for (size_t i : members) {
            std::string_view p = paths[i];
            std::string_view name = p.substr(p.rfind('/') + 1);  // npos + 1 == 0: no directory part
            auto it = std::lower_bound(listing->begin(), listing->end(), name,
                                       [](const auto& entry, std::string_view n) { return entry.first < n; });
            if (it != listing->end() && it->first == name) {
                kinds[i] = it->second;
                known[i] = true;
                listed_regular[i] = it->second == util::PathKind::other;  // d_type DT_REG
            }
        }
    }
    for (size_t i = 0; i < paths.size(); ++i) {
        if (!known[i] && paths[i] != "-") {
            kinds[i] = fs.kind(paths[i]);
        }
    }
    return kinds;
}

}  // namespace

Discovery discover(const util::FileSystem& fs, const std::vector<std::string>& paths,
                   const std::vector<std::string>& skip, const InputKind* forced_kind, bool all_kinds) {
    Discovery d;
    std::unordered_set<std::string> seen;
    const InputKind* dockerfile = find_input_kind("dockerfile");
    auto add = [&](const std::string& path, const std::string& root, const InputKind* kind, bool regular) {
        if (seen.insert(path).second) {
            d.inputs.push_back(Input{path, root, kind, regular});
        }
    };
    auto explicit_kind = [&](std::string_view path) {
        if (forced_kind != nullptr) {
            return forced_kind;
        }
        const InputKind* k = kind_for_path(path);
        return k != nullptr ? k : dockerfile;
    };
    std::vector<bool> listed_regular;
    const std::vector<util::PathKind> kinds = kinds_of(fs, paths, listed_regular);
    for (size_t i = 0; i < paths.size(); ++i) {
        const std::string& p = paths[i];
        if (p == "-") {
            add(p, ".", forced_kind != nullptr ? forced_kind : dockerfile, false);
            continue;
        }
        const util::PathKind kind = kinds[i];
        if (kind == util::PathKind::missing) {
            d.diagnostics.push_back(core::Diagnostic{
                core::DiagLevel::error, core::Location{p, 0, 0, 0, 0, {}}, "no such file or directory"});
            continue;
        }
        if (kind != util::PathKind::directory) {
            if (!skipped(p, skip)) {
                add(p, p, explicit_kind(p), listed_regular[i]);
            }
            continue;
        }
        util::WalkResult walked = fs.walk_reporting(p, {".git", "node_modules"});
        for (const std::string& f : walked.files) {
            const InputKind* k = kind_for_path(f);
            if (k != nullptr && (k->in_walk || all_kinds || k == forced_kind) &&
                (forced_kind == nullptr || k == forced_kind) && !skipped(f, skip)) {
                add(f, p, k, true);  // a walk yields regular files
            }
        }
        // A directory the walk could not read hides its files: an input error, as an unreadable file is.
        for (const util::WalkError& e : walked.errors) {
            if (!skipped(e.path, skip)) {
                d.diagnostics.push_back(core::Diagnostic{
                    core::DiagLevel::error, core::Location{e.path, 0, 0, 0, 0, {}},
                    fmt::format("cannot read directory: {}; the files below it were not scanned", e.error)});
            }
        }
    }
    return d;
}

}  // namespace bulwark::engine
