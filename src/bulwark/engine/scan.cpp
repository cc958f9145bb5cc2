#include "bulwark/engine/scan.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/engine/compose_scan.hpp"
#include "bulwark/engine/context_scan.hpp"
#include "bulwark/engine/discover.hpp"
#include "bulwark/engine/inputs.hpp"
#include "bulwark/engine/policy_load.hpp"
#include "bulwark/engine/rule_run.hpp"
#include "bulwark/engine/suppress.hpp"
#include "bulwark/input/dockerfile/analyzer.hpp"
#include "bulwark/input/dockerfile/parser.hpp"
#include "bulwark/rules/rule.hpp"
#include "bulwark/rules/secrets/scanner.hpp"
#include "bulwark/util/swar.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bulwark::engine {

namespace {

/// Most inputs a worker takes at once and reads ahead together.
constexpr size_t k_read_ahead = 32;

/// Position of the first byte that is not valid UTF-8, or npos.
size_t invalid_utf8_offset(std::string_view s) {
    size_t i = 0;
#if defined(__SSE2__)
    // Every input is checked whole and nearly all are ASCII: 32 bytes per step, one test.
    while (i + 32 <= s.size()) {
        __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + 16));
        if (_mm_movemask_epi8(_mm_or_si128(a, b)) != 0) {
            break;
        }
        i += 32;
    }
#endif
    while (i < s.size()) {
        if (i + 8 <= s.size()) {  // ASCII, the common case, eight bytes at a time
            if ((util::swar::load(s.data() + i) & util::swar::k_highs) == 0) {
                i += 8;
                continue;
            }
        }
        auto c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) {
            return i;
        }
        for (size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0U) != 0x80U) {
                return i;
            }
        }
        i += len;
    }
    return std::string_view::npos;
}

/// Whether `dir` is written plainly: not empty or "/", no "//", no trailing '/'.
bool is_plain_directory(std::string_view dir) {
    return !dir.empty() && dir != "/" && dir.back() != '/' && dir.find("//") == std::string_view::npos;
}

/// Whether `path` is a name right below the plain directory `dir` ("a/b" and "a/b/Dockerfile"):
/// then config::search_directory_of_file(path) is `dir`, as it was for the file before it.
bool in_plain_directory(std::string_view path, std::string_view dir) {
    return path.size() > dir.size() + 1 && path[dir.size()] == '/' &&
           path.find('/', dir.size() + 1) == std::string_view::npos && path.compare(0, dir.size(), dir) == 0;
}

}  // namespace

report::FileResult scan_dockerfile(util::SourcePtr source, const core::Policy& policy) {
    model::Dockerfile df;
    return scan_dockerfile(std::move(source), policy, df);
}

report::FileResult scan_dockerfile(util::SourcePtr source, const core::Policy& policy,
                                   model::Dockerfile& df) {
    InlineSuppressions suppressions;
    return scan_dockerfile(std::move(source), policy, df, suppressions);
}

report::FileResult scan_dockerfile(util::SourcePtr source, const core::Policy& policy, model::Dockerfile& df,
                                   InlineSuppressions& suppressions) {
    report::FileResult result;
    result.path = source->path();
    result.source = source;
    df = input::dockerfile::parse(source);
    input::dockerfile::AnalyzeOptions aopts{policy.build_args, policy.target};
    input::dockerfile::analyze(df, aopts);

    rules::DockerfileContext ctx{df, policy};
    const bool every_rule = enables_every_rule(policy);
    for (const rules::Rule* rule : dockerfile_rules()) {
        if (!every_rule && !rule_enabled(*rule, policy)) {
            continue;
        }
        rules::Reporter reporter(*rule, *source, result.findings);
        rule->check_dockerfile(ctx, reporter);
    }
    result.diagnostics = std::move(df.diagnostics);
    suppressions = read_inline_suppressions(df, policy.today, result.diagnostics);
    apply_inline_suppressions(suppressions, result.findings);
    finish_findings(policy, result);
    return result;
}

report::Report scan(const util::FileSystem& disk, const ScanOptions& options) {
    // Every read of the scan goes through `fs`, which keeps what was read ahead in batches (the
    // workers' next inputs, a build context's files) until it is asked for.
    util::PrefetchingFileSystem ahead(disk);
    const util::FileSystem& fs = ahead;
    report::Report rep;
    rep.tool_version = BULWARK_VERSION;
    rep.fail_on = options.fail_on;

    const InputKind* forced = options.kind.empty() ? nullptr : find_input_kind(options.kind);
    if (!options.kind.empty() && forced == nullptr) {
        rep.diagnostics.push_back(core::Diagnostic{core::DiagLevel::error, core::Location{},
                                                   "unknown input kind '" + options.kind + "'"});
        return rep;
    }
    Discovery disc = discover(fs, options.paths, options.skip, forced, options.markdown);
    rep.diagnostics = std::move(disc.diagnostics);

    // One policy per config file (configs are found upward from each root's directory, each
    // directory looked up once; roots that find one config share its policy, loaded once), looked up
    // once per input here rather than by root string in the workers.
    std::map<std::string, config::LoadedPolicy> policies;  // by config path, "" none
    config::ConfigFinder finder(fs);
    std::unordered_map<std::string, const core::Policy*> policy_of_directory;  // by search directory
    auto policy_for = [&](const std::string& directory, const std::string& scanned_path) {
        // Many inputs share a directory (each file given on the command line is its own root).
        auto [known, fresh] = policy_of_directory.try_emplace(directory, nullptr);
        if (!fresh) {
            return known->second;
        }
        std::optional<std::string> config_path = options.trust.explicit_config
                                                     ? options.trust.explicit_config
                                                     : finder.find(directory, scanned_path);
        auto found = policies.find(config_path.value_or(""));
        if (found == policies.end()) {
            config::LoadedPolicy lp = load_report_policy(fs, config_path, options.trust, options.cli_policy,
                                                         options.max_file_size, rep);
            found = policies.emplace(config_path.value_or(""), std::move(lp)).first;
        }
        known->second = &found->second.policy;
        return known->second;
    };
    std::vector<const core::Policy*> policy_of(disc.inputs.size());
    std::string file_dir;  // the search directory of the last file given as its own root, or ""
    for (size_t i = 0; i < disc.inputs.size(); ++i) {
        const Input& in = disc.inputs[i];
        if (i > 0 && in.root == disc.inputs[i - 1].root) {
            policy_of[i] = policy_of[i - 1];  // the files of one walked directory
            continue;
        }
        // A root that is the input itself is a file discovery already looked at: no lookup again.
        if (in.root == in.path) {
            if (i > 0 && !file_dir.empty() && in_plain_directory(in.path, file_dir)) {
                policy_of[i] = policy_of[i - 1];  // files given one by one from one directory
                continue;
            }
            file_dir = config::search_directory_of_file(in.root);
            policy_of[i] = policy_for(file_dir, in.root);
            if (!is_plain_directory(file_dir) || !in_plain_directory(in.path, file_dir)) {
                file_dir.clear();
            }
            continue;
        }
        file_dir.clear();
        policy_of[i] = policy_for(config::search_directory(fs, in.root), in.root);
    }

    // --compose-file: its project's policy is found from the first file, loaded (and its problems
    // reported) as the other inputs' are, before the report begins.
    const core::Policy* compose_policy = nullptr;
    if (!options.compose_files.empty()) {
        const std::string& first = options.compose_files.front();
        compose_policy = policy_for(config::search_directory(fs, first), first);
    }

    ContextCache contexts;
    {
        std::vector<std::string_view> paths;  // a sibling's context scan may read them first
        paths.reserve(disc.inputs.size());
        for (const Input& in : disc.inputs) {
            paths.push_back(in.path != "-" ? std::string_view(in.path) : std::string_view());
        }
        contexts.expect_inputs(paths);
    }

    // --baseline: one Baseline for the whole run, each entry consumed by the first finding it matches,
    // in the report's order (as the files are handed on below).
    std::optional<Baseline> baseline;
    if (options.baseline_path) {
        util::ReadResult br = fs.read(*options.baseline_path, 1ULL << 30);
        Baseline loaded;
        if (br.error.empty()) {
            loaded = load_baseline(br.data);
        } else {
            loaded.error = br.error;
        }
        if (!loaded.error.empty()) {
            rep.diagnostics.push_back(
                core::Diagnostic{core::DiagLevel::error,
                                 core::Location{*options.baseline_path, loaded.line, loaded.column, 0, 0, {}},
                                 "cannot use baseline: " + loaded.error});
        } else {
            baseline = std::move(loaded);
        }
    }

    if (options.sink != nullptr) {
        options.sink->begin(rep);
    }
    std::vector<report::FileResult> results(disc.inputs.size());
    // Results are handed on in order: the worker that finishes the input everything before which is
    // done applies the baseline to it and gives it to the sink, then the ones after it that are done.
    std::mutex order_mutex;
    std::vector<char> done(disc.inputs.size(), 0);
    size_t handed = 0;  // results before this index are handed on
    auto hand_on = [&](report::FileResult& fr) {
        if (baseline) {
            apply_baseline(*baseline, fr.findings);
        }
        if (options.min_severity != core::Severity::info) {
            std::erase_if(fr.findings,
                          [&](const core::Finding& x) { return x.severity < options.min_severity; });
        }
        if (options.sink != nullptr) {
            options.sink->file(fr);
            for (const core::Finding& f : fr.findings) {
                rep.streamed.add(f);
            }
            // Frees them and their vector: the report keeps only the counts. (`= {}` would pick
            // operator=(initializer_list) and keep the capacity: 3.6 MB over the corpus.)
            std::vector<core::Finding>().swap(fr.findings);
        }
        // Written, or not to be printed: a file's text stays only for its diagnostics' lines and carets.
        if (!options.keep_sources && fr.diagnostics.empty()) {
            fr.source.reset();
        }
    };
    auto finished = [&](size_t i) {
        std::lock_guard<std::mutex> lock(order_mutex);
        done[i] = 1;
        while (handed < results.size() && done[handed] != 0) {
            hand_on(results[handed++]);
        }
    };
    unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
    jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(1, disc.inputs.size())));
    // Workers take the inputs a chunk at a time and read ahead the chunk's regular files in one
    // batch (util::FileSystem::prefetch); chunks are small enough that every worker gets several.
    const size_t chunk = std::clamp<size_t>(disc.inputs.size() / (size_t{4} * jobs), 1, k_read_ahead);
    // One input: its bytes (from a sibling's context scan, read ahead, or read now), then its scan.
    auto scan_input = [&](size_t i) {
        const Input& in = disc.inputs[i];
        const core::Policy& policy = *policy_of[i];
        std::string display = in.path == "-" ? options.stdin_name : in.path;
        util::ReadResult rr;
        std::optional<ContextCache::SharedInput> shared =
            in.path == "-" ? std::nullopt : contexts.take_input(i);
        if (shared && shared->bytes.size() <= options.max_file_size) {
            rr.size = shared->bytes.size();  // read already by a sibling's build-context scan
            rr.data = std::move(shared->bytes);
        } else {
            shared.reset();
            rr = fs.read(in.path == "-" ? "/dev/stdin" : in.path, options.max_file_size);
        }
        if (!rr.error.empty()) {
            report::FileResult fr;
            fr.path = display;
            fr.kind = std::string(in.kind->name);
            fr.diagnostics.push_back(core::unreadable_input(display, rr, options.max_file_size));
            results[i] = std::move(fr);
            return;
        }
        // Bytes a context scan scanned for secrets hold no NUL: it scans only those.
        const bool nul_free = shared && shared->scanned;
        if (!nul_free && rr.data.find('\0') != std::string::npos) {
            report::FileResult fr;
            fr.path = display;
            fr.kind = std::string(in.kind->name);
            util::SourceFile probe(display, rr.data.substr(0, rr.data.find('\0') + 1));
            util::Position p = probe.position(rr.data.find('\0'));
            fr.diagnostics.push_back(core::Diagnostic{core::DiagLevel::error,
                                                      core::Location{display, p.line, p.column, 0, 0, {}},
                                                      "binary file (NUL byte): not a Dockerfile"});
            results[i] = std::move(fr);
            return;
        }
        size_t bad = invalid_utf8_offset(rr.data);
        auto source = std::make_shared<const util::SourceFile>(std::move(display), std::move(rr.data));
        // That context scan also looked for secrets in these bytes: BD022 takes its answer.
        std::optional<rules::secrets::KnownMatches> known;
        if (shared && shared->scanned) {
            known.emplace(rules::secrets::SecretScanner::builtin(), source->text(),
                          std::move(shared->secrets));
        }
        report::FileResult fr =
            in.kind->scan(source, InputContext{fs, policy, &contexts, in.path != "-", options.max_file_size});
        fr.kind = std::string(in.kind->name);
        if (bad != std::string_view::npos) {
            fr.diagnostics.insert(
                fr.diagnostics.begin(),
                core::make_diagnostic(core::DiagLevel::error, *source, bad,
                                      "invalid UTF-8 byte; the file was analysed as bytes"));
        }
        results[i] = std::move(fr);
    };
    std::atomic<size_t> next{0};
    auto worker = [&] {
        std::vector<std::string> ahead_paths;
        for (size_t begin = next.fetch_add(chunk); begin < disc.inputs.size();
             begin = next.fetch_add(chunk)) {
            const size_t end = std::min(disc.inputs.size(), begin + chunk);
            ahead_paths.clear();
            for (size_t i = begin; i < end; ++i) {
                const Input& in = disc.inputs[i];
                if (in.regular && !contexts.holds_input(i)) {
                    ahead_paths.push_back(in.path);
                }
            }
            if (ahead_paths.size() > 1) {
                fs.prefetch(ahead_paths, options.max_file_size);
            }
            for (size_t i = begin; i < end; ++i) {
                scan_input(i);
                finished(i);
            }
        }
    };
    // The calling thread is one of the workers: its heap is warm already, and each more thread's
    // heap costs resident memory (about 6 MB with huge pages, see src/bulwark/main.cpp).
    std::vector<std::jthread> threads;  // joined when they go, also if this thread's worker throws
    for (unsigned t = 1; t < jobs; ++t) {
        threads.emplace_back(worker);
    }
    worker();
    threads.clear();

    // --compose-file: one project merged from the given files, after the discovered inputs.
    if (compose_policy != nullptr) {
        results.push_back(scan_compose_files(
            options.compose_files, InputContext{fs, *compose_policy, nullptr, false, options.max_file_size}));
        hand_on(results.back());
    }

    rep.files = std::move(results);
    return rep;
}

}  // namespace bulwark::engine
