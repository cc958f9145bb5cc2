#pragma once
// Drives a PackageCollector the way the layer walk does (wants / data in chunks / end, then
// finish), from files given in memory, for the package collector tests.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bulwark/input/image/packages/collector.hpp"
#include "bulwark/model/image.hpp"

namespace bulwark::test {

/// One file version in a layer.
struct LayerFile {
    std::string path;
    std::string bytes;
    int layer = 0;
    uint32_t mode = 0644;
    bool removed = false;  // the final flag the walk computes (set on image.files before finish)
};

/// The bytes of a test data file (tests/data/...), or of any absolute path.
inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string data_path(const std::string& rel) {
    return std::string(BULWARK_TEST_DATA) + "/packages/" + rel;
}

/// Runs the collector over `files` (in order, `chunk` bytes at a time); returns the image with
/// `packages` filled; `notes` receives the collector's notes.
inline model::ImageSpec collect(const std::vector<LayerFile>& files, const model::OsRelease& os = {},
                                std::vector<std::string>* notes = nullptr, size_t chunk = 4093) {
    model::ImageSpec image;
    input::image::packages::PackageCollector collector;
    for (const LayerFile& f : files) {
        model::ImageFile file;
        file.path = f.path;
        file.mode = f.mode;
        file.size = f.bytes.size();
        file.layer = f.layer;
        if (collector.wants(file)) {
            for (size_t i = 0; i < f.bytes.size(); i += chunk) {
                collector.data(std::string_view(f.bytes).substr(i, chunk));
            }
            collector.end(file, image);
        }
        file.removed = f.removed;
        image.files.push_back(file);
    }
    image.os_release = os;
    collector.finish(image);
    if (notes != nullptr) {
        *notes = collector.notes();
    }
    return image;
}

/// Validates the JSON text `doc` against `schema` (a file of ../shared/schemas) with python3-jsonschema,
/// offline (tests/data/packages/validate_json_schema.py). Exit status: 0 valid, 1 invalid, 2 the
/// check could not run.
inline int validate_schema(const std::string& doc, std::string_view schema) {
    namespace fs = std::filesystem;
    fs::path tmp = fs::temp_directory_path() / ("bulwark-sbom-" + std::to_string(getpid()) + ".json");
    std::ofstream(tmp) << doc;
    // The interpreter ctest runs the e2e tests with: Debian's, with python3-jsonschema.
    std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    std::string cmd = python + " " + BULWARK_TEST_DATA + "/packages/validate_json_schema.py " +
                      BULWARK_SHARED_DIR + "/schemas " + std::string(schema) + " " + tmp.string();
    int rc = std::system(cmd.c_str());
    fs::remove(tmp);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : 3;
}

}  // namespace bulwark::test
