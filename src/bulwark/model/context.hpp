#pragma once
// The build context of a Dockerfile: the files `docker build` would send (after .dockerignore), the
// ignore file's patterns, and secrets found in the contents of sent files. The engine fills it (it
// walks and reads the disk); context rules only read it.
#include <cstdint>
#include <string>
#include <vector>

#include "bulwark/core/severity.hpp"
#include "bulwark/model/dockerfile.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::model {

/// A secret found in the contents of a context file (by the shared secret pattern set).
struct ContextSecret {
    std::string id;    // pattern id ("github-token")
    std::string name;  // pattern name ("GitHub token")
    core::Severity severity = core::Severity::high;
    uint32_t line = 0;    // 1-based line in the file
    std::string preview;  // redacted value
};

/// A COPY/ADD that copies a context file into a stage.
struct ContextCopy {
    int instruction = -1;     // index in Dockerfile::instructions
    Range source;             // the source argument that selects the file
    std::string written;      // that argument after variable expansion ("." "config/" "*.pem")
    bool into_image = false;  // the instruction's stage is part of the shipped image
};

/// One regular file below the context root.
struct ContextFile {
    std::string path;                    // relative to the context root, '/'-separated ("config/.env")
    bool ignored = false;                // excluded by the ignore file: not sent to the builder
    int ignore_rule = -1;                // index in BuildContext::ignore_rules of the deciding pattern, or -1
    std::vector<ContextSecret> secrets;  // only for sent files whose contents were read
    std::vector<ContextCopy> copies;     // COPY/ADD instructions that copy it (sent files only)
};

/// One pattern line of the ignore file.
struct IgnoreRule {
    std::string pattern;     // as Docker uses it: trimmed, cleaned, leading '/' removed, without '!'
    bool exclusion = false;  // `!pattern`: re-includes what earlier lines excluded
    Range range;             // the pattern as written in the ignore file
};

struct BuildContext {
    std::string root;             // the context directory (display path)
    std::string dockerfile;       // the Dockerfile's path relative to the root
    util::SourcePtr ignore_file;  // Dockerfile.dockerignore or .dockerignore; null when there is none
    std::vector<IgnoreRule> ignore_rules;
    /// The files the context rules judge, sorted by path: credential files by name (sent or not) and
    /// sent files whose contents hold a secret. Other files are walked but not listed.
    std::vector<ContextFile> files;
    bool has_git = false;      // a `.git` directory or file at the root
    bool git_ignored = false;  // ... excluded by the ignore file
    bool truncated = false;    // the walk stopped at its file cap: `files` is incomplete
};

}  // namespace bulwark::model
