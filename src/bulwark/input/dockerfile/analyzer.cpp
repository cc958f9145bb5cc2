#include "bulwark/input/dockerfile/analyzer.hpp"

namespace bulwark::input::dockerfile {

void analyze(model::Dockerfile& /*dockerfile*/, const AnalyzeOptions& /*options*/) {}

}  // namespace bulwark::input::dockerfile
