#pragma once
// The shared corpora (../shared/corpus/...) as the robustness tests read them.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace bulwark::testing {

/// The whole file at `p` (binary), or "" when it cannot be read.
inline std::string read_corpus_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Every regular file below `dir`, sorted, so failures are reported in a stable order.
inline std::vector<std::filesystem::path> corpus_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const std::filesystem::directory_entry& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace bulwark::testing
