#include "bulwark/report/renderers/renderers.hpp"

namespace bulwark::report {

namespace {
class SarifRenderer final : public Renderer {
public:
    void render(const Report& report, std::ostream& out, const RenderOptions& /*options*/) const override {
        for (const FileResult& f : report.files) {
            for (const core::Finding& x : f.findings) {
                out << x.location.file << ":" << x.location.line << ":" << x.location.column << ": " << x.rule_id
                    << " " << x.message << "\n";
            }
        }
    }
};
}  // namespace

std::unique_ptr<Renderer> make_sarif_renderer() { return std::make_unique<SarifRenderer>(); }

}  // namespace bulwark::report
