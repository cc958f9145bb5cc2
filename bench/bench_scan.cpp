// In-process throughput over the shared corpus: parse only, parse+analyze, and the full scan with
// every rule. Run: build/release/bench/bulwark_bench (see docs/performance.md).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "bulwark/core/policy.hpp"
#include "bulwark/engine/scan.hpp"
#include "bulwark/input/dockerfile/analyzer.hpp"
#include "bulwark/input/dockerfile/parser.hpp"
#include "bulwark/rules/secrets/scanner.hpp"

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

/// Up to 64 MB of this machine's files under `dir` (regular files, sorted), concatenated: real
/// binaries and text, as image layers hold them.
std::string machine_bytes(const char* dir) {
    std::vector<std::filesystem::path> paths;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(
             dir, std::filesystem::directory_options::skip_permission_denied, ec);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!ec && it->is_regular_file(ec) && !it->is_symlink(ec)) {
            paths.push_back(it->path());
        }
    }
    std::sort(paths.begin(), paths.end());
    std::string out;
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        out += ss.str();
        if (out.size() >= (size_t{64} << 20U)) {
            break;
        }
    }
    return out;
}

/// The shared secret pattern set over uncompressed layer-like data, streamed in 256 KB chunks as
/// `bulwark image` feeds it (target: over 1 GB/s on one core).
void BM_SecretStream(benchmark::State& state, const char* dir) {
    static std::map<std::string, std::string> cache;
    std::string& data = cache[dir];
    if (data.empty()) {
        data = machine_bytes(dir);
    }
    const auto& scanner = bulwark::rules::secrets::SecretScanner::builtin();
    size_t found = 0;
    for (auto _ : state) {
        bulwark::rules::secrets::SecretStream stream(scanner);
        std::vector<bulwark::rules::secrets::SecretMatch> out;
        for (size_t pos = 0; pos < data.size(); pos += 256 * 1024) {
            stream.write(std::string_view(data).substr(pos, 256 * 1024), out);
        }
        stream.finish(out);
        found = out.size();
        benchmark::DoNotOptimize(out);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size()));
    state.counters["matches"] = static_cast<double>(found);
}

}  // namespace

BENCHMARK_CAPTURE(BM_SecretStream, usr_lib, "/usr/lib/x86_64-linux-gnu")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SecretStream, usr_share, "/usr/share")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAnalyze)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullScan)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
