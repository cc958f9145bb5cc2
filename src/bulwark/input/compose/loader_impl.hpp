#pragma once
// Internals of the compose loader shared by loader.cpp (files, include, the project) and
// extends.cpp (service inheritance).
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "bulwark/input/compose/loader.hpp"
#include "bulwark/input/compose/node.hpp"

namespace bulwark::input::compose {

/// One compose file read, interpolated and normalized.
struct FileDoc {
    util::SourcePtr source;
    Node root;  // a map (empty after an error)
    Environment env;
    bool ok = false;
};

class Loader {
  public:
    Loader(const LoadOptions& options, LoadResult& out) : m_options(options), m_out(out) {}

    /// Reads `path` (cached); nullptr after a diagnostic at `from` when it cannot be read.
    FileDoc* open(const std::string& path, const model::Origin& from, const Environment* env);
    /// Sets up a file already in memory.
    FileDoc* adopt(const util::SourcePtr& source, const Environment* env);
    /// Resolves `extends` of every service of `doc`, then its `include`s; false when `doc` is already
    /// being included (a cycle, reported).
    bool resolve(FileDoc& doc, size_t depth);
    /// The project environment: `.env` next to `file` overridden by the process environment.
    Environment environment_for(const std::string& file, const std::vector<std::string>& env_files,
                                const model::Origin& from);
    /// Reads an env_file into a service's environment.
    void load_env_file(const model::Setting<std::string>& path, bool required, model::ContainerSpec& spec);

    void error(const model::Origin& at, std::string message) {
        diag(core::DiagLevel::error, at, std::move(message));
    }
    void warning(const model::Origin& at, std::string message) {
        diag(core::DiagLevel::warning, at, std::move(message));
    }
    void diag(core::DiagLevel level, const model::Origin& at, std::string message);
    /// Reads a file through the filesystem seam, adding it to the project's files; nullptr, with the
    /// reason in `why`, when it cannot be read.
    util::SourcePtr try_read(const std::string& path, std::string& why);
    /// Reads a file through the filesystem seam, adding it to the project's files; nullptr (after an
    /// error at `from` when `required`) when it cannot be read.
    util::SourcePtr read_source(const std::string& path, const model::Origin& from, bool required);
    /// The environment env_file values are interpolated with (the main file's).
    void set_project_env(Environment env) { m_project_env = std::move(env); }

    /// Charges copying `n` (for extends and include) to the loader's budget; false after an error at
    /// `at` once the budget is spent, so that many references to one large value cannot explode.
    bool spend(const Node& n, const model::Origin& at);

    const LoadOptions& options() const { return m_options; }
    LoadResult& out() { return m_out; }

  private:
    /// The service `name` of `doc` with its `extends` resolved (extends.cpp).
    const Node* resolved_service(FileDoc& doc, const std::string& name, size_t depth);
    void resolve_extends(FileDoc& doc, Entry& service, size_t depth);
    bool resolve_includes(FileDoc& doc, size_t depth);
    void add_spans(const Node& n, size_t depth);

    const LoadOptions& m_options;
    LoadResult& m_out;
    std::map<std::string, std::unique_ptr<FileDoc>> m_docs;
    std::set<std::pair<const FileDoc*, std::string>> m_resolving;  // extends in progress: cycles
    std::set<std::pair<const FileDoc*, std::string>> m_resolved;
    std::set<const FileDoc*> m_including;
    std::map<std::string, util::SourcePtr> m_env_files;
    Environment m_project_env;
    std::map<std::string, Environment> m_environments;  // by the env files read, so each is read once
    size_t m_copied = 0;
    bool m_over_budget = false;
};

/// Every service entry of a document (null when there is no `services` map).
Node* services_of(Node& root);

}  // namespace bulwark::input::compose
