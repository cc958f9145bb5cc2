// The shell parser alone over every RUN body of the shared corpus (the scripts the analyzer
// parses), collected once. Run: build/release/bench/bulwark_bench --benchmark_filter=Shell
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "bulwark/input/dockerfile/analyzer.hpp"
#include "bulwark/input/dockerfile/parser.hpp"
#include "bulwark/input/shell/parser.hpp"

namespace {

const std::vector<std::string>& shell_bodies() {
    static const std::vector<std::string> k_bodies = [] {
        std::vector<std::filesystem::path> paths;
        const auto root = std::filesystem::path(BULWARK_SHARED_DIR) / "corpus" / "dockerfiles";
        for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
            if (e.is_regular_file()) {
                paths.push_back(e.path());
            }
        }
        std::sort(paths.begin(), paths.end());
        std::vector<std::string> out;
        for (const auto& p : paths) {
            std::ifstream in(p, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            bulwark::model::Dockerfile df = bulwark::input::dockerfile::parse(
                std::make_shared<const bulwark::util::SourceFile>(p.string(), std::move(bytes)));
            bulwark::input::dockerfile::analyze(df, {});
            for (const auto& inst : df.instructions) {
                for (const auto& body : inst.shell) {
                    out.push_back(body.text.value);
                }
            }
        }
        return out;
    }();
    return k_bodies;
}

void BM_ShellParse(benchmark::State& state) {
    const std::vector<std::string>& bodies = shell_bodies();
    size_t bytes = 0;
    for (const std::string& b : bodies) {
        bytes += b.size();
    }
    for (auto _ : state) {
        for (const std::string& b : bodies) {
            benchmark::DoNotOptimize(bulwark::input::shell::parse(b));
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * bodies.size()));
}

}  // namespace

BENCHMARK(BM_ShellParse)->Unit(benchmark::kMillisecond);
