#include "bulwark/engine/policy_load.hpp"

#include <algorithm>
#include <memory>
#include <utility>

namespace bulwark::engine {

config::LoadedPolicy load_report_policy(const util::FileSystem& fs,
                                        const std::optional<std::string>& config_path,
                                        const config::TrustOptions& trust, const core::Policy& cli,
                                        uint64_t max_file_size, report::Report& rep) {
    config::LoadedPolicy lp = config::load_policy_from(fs, config_path, trust, cli);
    for (core::Diagnostic& d : lp.diagnostics) {
        bool seen =
            std::any_of(rep.diagnostics.begin(), rep.diagnostics.end(), [&](const core::Diagnostic& e) {
                return e.location.file == d.location.file && e.location.line == d.location.line &&
                       e.location.column == d.location.column && e.message == d.message;
            });
        if (seen) {
            continue;
        }
        if (d.location.line > 0 && rep.sources.count(d.location.file) == 0) {
            util::ReadResult cr = fs.read(d.location.file, max_file_size);
            if (cr.error.empty()) {
                rep.sources[d.location.file] =
                    std::make_shared<const util::SourceFile>(d.location.file, std::move(cr.data));
            }
        }
        rep.diagnostics.push_back(std::move(d));
    }
    lp.diagnostics.clear();
    for (std::string& n : lp.notes) {
        if (std::find(rep.notes.begin(), rep.notes.end(), n) == rep.notes.end()) {
            rep.notes.push_back(std::move(n));
        }
    }
    lp.notes.clear();
    return lp;
}

}  // namespace bulwark::engine
