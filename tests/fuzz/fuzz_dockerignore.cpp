// libFuzzer target: .dockerignore files and COPY sources. The input is read as an ignore file and
// every path taken from its own lines (and a few fixed ones) is matched against it; diagnostics and
// pattern ranges must stay inside the text. The Go glob functions get the raw bytes too.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "bulwark/input/context/copies.hpp"
#include "bulwark/input/context/dockerignore.hpp"

#include "fuzz_check.hpp"

namespace ci = bulwark::input::context;

using bulwark::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    auto src = std::make_shared<const bulwark::util::SourceFile>(".dockerignore", text);
    ci::IgnoreFile f = ci::parse_dockerignore(src);
    for (const ci::IgnorePattern& p : f.patterns) {
        check(p.rule.range.begin <= p.rule.range.end && p.rule.range.end <= size);
    }
    for (const bulwark::core::Diagnostic& d : f.diagnostics) {
        check(d.location.line >= 1 && d.location.line <= src->line_count() + 1);
    }
    size_t verdicts = 0;
    for (std::string_view path : {"a", "a/b/c", ".git", "config/.env", "x/y.pem"}) {
        verdicts += ci::match_path(f, path).excluded ? 1 : 0;
    }
    size_t start = 0;
    for (size_t line = 0; line < 16 && start <= text.size(); ++line) {
        size_t eol = text.find('\n', start);
        std::string_view l =
            std::string_view(text).substr(start, eol == std::string::npos ? eol : eol - start);
        std::string path = ci::clean_path(l);
        ci::IgnoreVerdict v = ci::match_path(f, path);
        check(v.pattern < static_cast<int>(f.patterns.size()));
        verdicts += ci::copy_source_selects(l, "a/b") ? 1 : 0;
        verdicts += ci::glob_matches(l, path) ? 1 : 0;
        if (eol == std::string::npos) {
            break;
        }
        start = eol + 1;
    }
    check(ci::clean_path(text).size() <= text.size() + 1);
    verdicts += ci::pattern_error(text) != std::string_view::npos ? 1 : 0;
    return verdicts == static_cast<size_t>(-1) ? 1 : 0;
}
