// In-process throughput over the shared corpus: parse only, parse+analyze, and the full scan with
// every rule. Run: build/release/bench/bulwark_bench (see docs/performance.md).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "bulwark/core/policy.hpp"
#include "bulwark/engine/scan.hpp"
#include "bulwark/input/dockerfile/analyzer.hpp"
#include "bulwark/input/dockerfile/parser.hpp"

namespace {

struct Corpus {
    std::vector<bulwark::util::SourcePtr> files;
    size_t bytes = 0;
};

const Corpus& corpus() {
    static const Corpus k_corpus = [] {
        Corpus c;
        std::filesystem::path root = std::filesystem::path(BULWARK_SHARED_DIR) / "corpus" / "dockerfiles";
        std::vector<std::filesystem::path> paths;
        for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
            if (e.is_regular_file()) {
                paths.push_back(e.path());
            }
        }
        std::sort(paths.begin(), paths.end());
        for (const auto& p : paths) {
            std::ifstream in(p, std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            c.bytes += ss.str().size();
            c.files.push_back(std::make_shared<const bulwark::util::SourceFile>(p.string(), ss.str()));
        }
        return c;
    }();
    return k_corpus;
}

void set_counters(benchmark::State& state) {
    const Corpus& c = corpus();
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.files.size()));
}

void BM_Parse(benchmark::State& state) {
    for (auto _ : state) {
        for (const auto& f : corpus().files) {
            benchmark::DoNotOptimize(bulwark::input::dockerfile::parse(f));
        }
    }
    set_counters(state);
}

void BM_ParseAnalyze(benchmark::State& state) {
    for (auto _ : state) {
        for (const auto& f : corpus().files) {
            bulwark::model::Dockerfile df = bulwark::input::dockerfile::parse(f);
            bulwark::input::dockerfile::analyze(df, {});
            benchmark::DoNotOptimize(df);
        }
    }
    set_counters(state);
}

void BM_FullScan(benchmark::State& state) {
    bulwark::core::Policy policy;
    policy.today = "2026-11-23";
    for (auto _ : state) {
        for (const auto& f : corpus().files) {
            benchmark::DoNotOptimize(bulwark::engine::scan_dockerfile(f, policy));
        }
    }
    set_counters(state);
}

}  // namespace

BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAnalyze)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullScan)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
