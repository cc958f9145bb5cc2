#pragma once
// Factories for the built-in formats (one .cpp each).
#include <memory>

#include "bulwark/report/renderer.hpp"

namespace bulwark::report {

std::unique_ptr<Renderer> make_text_renderer();
std::unique_ptr<Renderer> make_json_renderer();
std::unique_ptr<Renderer> make_sarif_renderer();
std::unique_ptr<Renderer> make_junit_renderer();
std::unique_ptr<Renderer> make_checkstyle_renderer();
std::unique_ptr<Renderer> make_cyclonedx_renderer();
std::unique_ptr<Renderer> make_spdx_renderer();

}  // namespace bulwark::report
