// load_project: the files in order (plus the automatic override), each resolved, merged, then read
// into the model.
#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "bulwark/input/compose/loader.hpp"
#include "bulwark/input/compose/loader_impl.hpp"
#include "bulwark/input/compose/merge.hpp"
#include "bulwark/input/compose/service_reader.hpp"

namespace bulwark::input::compose {

namespace {

void build_project(Loader& loader, const Node& root, LoadResult& out) {
    ReadContext ctx{out.diagnostics,
                    [&loader](const model::Setting<std::string>& path, bool required,
                              model::ContainerSpec& spec) { loader.load_env_file(path, required, spec); }};
    check_keys(ctx, root, keys::top, "the top level");
    if (const Node* services = root.find("services");
        services != nullptr && expect_map(ctx, *services, "services")) {
        for (const Entry& e : services->entries) {
            out.project.containers.push_back(read_service(ctx, e));
        }
    }
    if (const Node* networks = root.find("networks");
        networks != nullptr && expect_map(ctx, *networks, "networks")) {
        for (const Entry& e : networks->entries) {
            out.project.networks[e.key] = read_network(ctx, e);
        }
    }
}

/// Orders diagnostics by file (in reading order), line and column, and drops exact repeats (an
/// aliased or merged value is read several times).
void tidy_diagnostics(LoadResult& out) {
    auto file_index = [&](const std::string& path) {
        for (size_t i = 0; i < out.project.files.size(); ++i) {
            if (out.project.files[i]->path() == path) {
                return i;
            }
        }
        return out.project.files.size();
    };
    auto key = [&](const core::Diagnostic& d) {
        return std::tuple(file_index(d.location.file), d.location.line, d.location.column);
    };
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                     [&](const core::Diagnostic& a, const core::Diagnostic& b) { return key(a) < key(b); });
    std::set<std::tuple<int, std::string, uint32_t, uint32_t, std::string>> seen;
    std::vector<core::Diagnostic> unique;
    for (core::Diagnostic& d : out.diagnostics) {
        const core::Location& l = d.location;
        if (seen.emplace(static_cast<int>(d.level), l.file, l.line, l.column, d.message).second) {
            unique.push_back(std::move(d));
        }
    }
    out.diagnostics = std::move(unique);
}

}  // namespace

LoadResult load_project(const std::vector<util::SourcePtr>& files, const LoadOptions& options) {
    LoadResult out;
    if (files.empty()) {
        return out;
    }
    try {
        Loader loader(options, out);
        std::vector<util::SourcePtr> all = files;
        if (options.merge_override && options.fs != nullptr && files.size() == 1) {
            std::string over = find_override(*options.fs, files[0]->path());
            if (!over.empty()) {
                std::string why;
                if (util::SourcePtr src = loader.try_read(over, why)) {
                    all.push_back(src);
                } else {
                    // No line of the compose file names it: the warning is at the override itself.
                    out.diagnostics.push_back(core::Diagnostic{
                        core::DiagLevel::warning, core::Location{over, 0, 0, 0, 0, {}},
                        fmt::format("cannot read this override of {}: {}; what it defines is not scanned",
                                    files[0]->path(), why)});
                }
            }
        }
        // One environment for the project: `.env` next to the first file, then the process's.
        Environment env = loader.environment_for(files[0]->path(), {}, {});
        loader.set_project_env(env);
        Node merged;
        bool first = true;
        for (const util::SourcePtr& src : all) {
            FileDoc* doc = loader.adopt(src, &env);
            loader.resolve(*doc, 0);
            if (first) {
                merged = doc->root;
                first = false;
            } else {
                merge_document(merged, doc->root);
            }
        }
        build_project(loader, merged, out);
    } catch (const std::exception& e) {
        // Only resource exhaustion can get here; keep what was read and say the result is partial.
        out.diagnostics.push_back(
            core::make_diagnostic(core::DiagLevel::error, *files[0], 0,
                                  fmt::format("compose project not fully loaded: {}", e.what())));
    }
    tidy_diagnostics(out);
    return out;
}

}  // namespace bulwark::input::compose
