// GitHub Actions job containers and service containers -> ContainerSpec. The runner creates them
// with `docker create`: the keys become the flags they stand for (env -> -e, ports -> -p, volumes ->
// -v, options -> the flags as written) and go through the same flag table as a `docker run` line.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bulwark/input/run/script.hpp"
#include "bulwark/input/shell/parser.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::run {

namespace {

namespace sh = model::shell;

size_t mark_of(const YAML::Node& n) {
    return static_cast<size_t>(std::max(0, n.Mark().pos));
}

/// True when a value holds a `${{ expression }}`: known only when the workflow runs.
bool has_expression(std::string_view v) {
    return v.find("${{") != std::string_view::npos;
}

class ContainerReader {
  public:
    ContainerReader(const util::SourcePtr& file, ScriptScan& out)
        : m_file(file), m_text(file->text()), m_out(out) {}

    /// `container:` / a service: a string image or a map.
    void read(const YAML::Node& node, const YAML::Node& key, std::string name) {
        m_args.clear();
        model::Range key_range = scalar_range(key);
        YAML::Node image;
        if (node.IsScalar()) {
            image = node;
        } else if (node.IsMap()) {
            image = node["image"];
            options(node["options"]);
            env(node["env"]);
            list(node["ports"], "--publish");
            list(node["volumes"], "--volume");
        } else {
            return;
        }
        if (!image || !image.IsScalar() || image.Scalar().empty()) {
            return;  // GitHub ignores a container without an image (`container: ''`)
        }
        m_args.push_back(word(image));
        RunLine line = parse_run_arguments(m_args, m_file, key_range, "create");
        line.spec.name = std::move(name);
        if (!line.spec.network_mode.set) {
            // The runner attaches the job container and its services to a network it creates for the
            // job (github_network_<id>), not to the default bridge.
            line.spec.network_mode =
                model::Setting<std::string>{"github_network", model::Origin{m_file, key_range}, true, true};
        }
        m_out.project.containers.push_back(std::move(line.spec));
        m_out.warnings.insert(m_out.warnings.end(), line.warnings.begin(), line.warnings.end());
    }

  private:
    model::Range scalar_range(const YAML::Node& n) {
        if (!n.IsScalar()) {
            size_t p = std::min(mark_of(n), m_text.size());
            return model::Range{static_cast<uint32_t>(p), static_cast<uint32_t>(p)};
        }
        model::MappedText m = locate_scalar(m_text, mark_of(n), n.Scalar());
        return m.source_range(0, m.value.size());
    }

    ArgWord word(const YAML::Node& n) {
        ArgWord w;
        w.value = n.Scalar();
        w.range = scalar_range(n);
        w.known = !has_expression(w.value);
        std::string_view written =
            std::string_view(m_text).substr(w.range.begin, w.range.end - w.range.begin);
        w.verbatim = written == w.value;
        return w;
    }

    void flag(std::string name, model::Range at) {
        m_args.push_back(ArgWord{std::move(name), at, true, false});
    }

    /// `options:` holds docker create flags as one string, split like a shell line.
    void options(const YAML::Node& n) {
        if (!n || !n.IsScalar()) {
            return;
        }
        model::MappedText text = locate_scalar(m_text, mark_of(n), n.Scalar());
        sh::Script script = input::shell::parse(text.value);
        for (const sh::Command& c : script.commands) {
            for (const std::vector<sh::Word>* words : {&c.assignments, &c.argv}) {
                for (const sh::Word& w : *words) {
                    ArgWord a;
                    a.value = w.value;
                    a.range = text.source_range(w.begin, w.end);
                    a.known = !w.dynamic && !has_expression(w.value);
                    a.verbatim = !w.quoted;
                    m_args.push_back(std::move(a));
                }
            }
        }
    }

    void env(const YAML::Node& n) {
        if (!n || !n.IsMap()) {
            return;
        }
        for (const auto& kv : n) {
            if (!kv.first.IsScalar()) {
                continue;
            }
            model::Range k = scalar_range(kv.first);
            std::string value = kv.second.IsScalar() ? kv.second.Scalar() : std::string();
            model::Range v = kv.second.IsScalar() ? scalar_range(kv.second) : k;
            flag("--env", k);
            ArgWord a;
            a.value = kv.first.Scalar() + "=" + value;
            a.range = model::Range{k.begin, std::max(k.end, v.end)};
            a.known = !has_expression(value);
            a.verbatim = false;
            m_args.push_back(std::move(a));
        }
    }

    void list(const YAML::Node& n, const char* name) {
        if (!n || !n.IsSequence()) {
            return;
        }
        for (const YAML::Node& item : n) {
            if (item.IsScalar()) {
                ArgWord a = word(item);
                flag(name, a.range);
                m_args.push_back(std::move(a));
            }
        }
    }

    const util::SourcePtr& m_file;
    const std::string& m_text;
    ScriptScan& m_out;
    std::vector<ArgWord> m_args;
};

}  // namespace

void actions_containers(const util::SourcePtr& file, ScriptScan& out) {
    try {
        YAML::Node root = YAML::Load(file->text());
        if (!root.IsMap()) {
            return;
        }
        const YAML::Node jobs = root["jobs"];
        if (!jobs || !jobs.IsMap()) {
            return;
        }
        ContainerReader reader(file, out);
        for (const auto& job : jobs) {
            if (!job.second.IsMap() || !job.first.IsScalar()) {
                continue;
            }
            std::string job_name = job.first.Scalar();
            for (const auto& kv : job.second) {
                if (!kv.first.IsScalar()) {
                    continue;
                }
                if (kv.first.Scalar() == "container") {
                    reader.read(kv.second, kv.first, job_name);
                } else if (kv.first.Scalar() == "services" && kv.second.IsMap()) {
                    for (const auto& svc : kv.second) {
                        if (svc.first.IsScalar()) {
                            reader.read(svc.second, svc.first, job_name + "/" + svc.first.Scalar());
                        }
                    }
                }
            }
        }
    } catch (const YAML::Exception&) {
        // ci_scripts reports the YAML error of the same text.
    }
}

}  // namespace bulwark::input::run
