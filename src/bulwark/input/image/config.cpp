#include "bulwark/input/image/config.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "bulwark/input/image/digest.hpp"
#include "bulwark/input/json/located.hpp"

namespace bulwark::input::image {

namespace {

using json::Type;

class ConfigReader {
  public:
    ConfigReader(const util::SourcePtr& source, model::ImageSpec& image, std::vector<std::string>& diff_ids,
                 std::vector<core::Diagnostic>& diags)
        : m_source(source), m_image(image), m_diff_ids(diff_ids), m_diags(diags) {}

    bool read(const YAML::Node& root) {
        if (json::type_of(root) != Type::object) {
            error(root, "an image config must be a JSON object");
            return false;
        }
        for (const auto& kv : root) {
            const std::string& key = kv.first.Scalar();
            const YAML::Node& v = kv.second;
            if (key == "os") {
                m_image.os = string(v, key);
            } else if (key == "architecture") {
                m_image.architecture = string(v, key);
            } else if (key == "variant") {
                m_image.variant = string(v, key);
            } else if (key == "created") {
                m_image.created = string(v, key);
            } else if (key == "config") {
                read_runtime(v);
            } else if (key == "history") {
                read_history(v);
            } else if (key == "rootfs") {
                read_rootfs(v);
            }
        }
        assign_layers();
        return true;
    }

  private:
    void error(const YAML::Node& at, std::string message) {
        m_diags.push_back(core::make_diagnostic(core::DiagLevel::error, *m_source,
                                                json::offset_of(*m_source, at), std::move(message)));
    }

    bool expect(const YAML::Node& v, Type t, std::string_view what) {
        Type got = json::type_of(v);
        if (got == t) {
            return true;
        }
        if (got != Type::null) {
            error(v, fmt::format("{} must be {}, not {}", what, json::type_name(t), json::type_name(got)));
        }
        return false;
    }

    std::string string(const YAML::Node& v, std::string_view what) {
        return expect(v, Type::string, what) ? json::scalar(v) : std::string();
    }

    model::Setting<std::string> string_setting(const YAML::Node& v, std::string_view what) {
        model::Setting<std::string> s;
        if (expect(v, Type::string, what)) {
            s.value = json::scalar(v);
            s.origin = json::origin_of(m_source, v);
            s.set = true;
        }
        return s;
    }

    model::Setting<std::vector<std::string>> list_setting(const YAML::Node& v, std::string_view what) {
        model::Setting<std::vector<std::string>> s;
        if (json::type_of(v) == Type::string) {  // tolerated: a single string
            s.value.push_back(json::scalar(v));
        } else if (!expect(v, Type::array, what)) {
            return s;
        } else {
            for (const YAML::Node& item : v) {
                s.value.push_back(string(item, what));
            }
        }
        s.origin = json::origin_of(m_source, v);
        s.set = true;
        return s;
    }

    /// Keys of an object like ExposedPorts or Volumes ({"22/tcp": {}}).
    std::vector<model::Setting<std::string>> keys(const YAML::Node& v, std::string_view what) {
        std::vector<model::Setting<std::string>> out;
        if (!expect(v, Type::object, what)) {
            return out;
        }
        for (const auto& kv : v) {
            model::Setting<std::string> s;
            s.value = kv.first.Scalar();
            s.origin = json::origin_of(m_source, kv.first);
            s.set = true;
            out.push_back(std::move(s));
        }
        return out;
    }

    void read_runtime(const YAML::Node& v) {
        model::ImageConfig& c = m_image.config;
        if (!expect(v, Type::object, "config")) {
            return;
        }
        c.origin = json::origin_of(m_source, v);
        for (const auto& kv : v) {
            const std::string& key = kv.first.Scalar();
            const YAML::Node& x = kv.second;
            if (key == "User") {
                c.user = string_setting(x, "User");
            } else if (key == "Env") {
                read_env(x);
            } else if (key == "Labels") {
                read_labels(x);
            } else if (key == "ExposedPorts") {
                c.exposed_ports = keys(x, "ExposedPorts");
            } else if (key == "Volumes") {
                c.volumes = keys(x, "Volumes");
            } else if (key == "Healthcheck") {
                if (expect(x, Type::object, "Healthcheck")) {
                    for (const auto& h : x) {
                        if (h.first.Scalar() == "Test") {
                            c.healthcheck = list_setting(h.second, "Healthcheck.Test");
                        }
                    }
                }
            } else if (key == "Entrypoint") {
                c.entrypoint = list_setting(x, "Entrypoint");
            } else if (key == "Cmd") {
                c.cmd = list_setting(x, "Cmd");
            } else if (key == "WorkingDir") {
                c.working_dir = string_setting(x, "WorkingDir");
            } else if (key == "StopSignal") {
                c.stop_signal = string_setting(x, "StopSignal");
            }
        }
    }

    void read_env(const YAML::Node& v) {
        if (!expect(v, Type::array, "Env")) {
            return;
        }
        for (const YAML::Node& item : v) {
            if (!expect(item, Type::string, "an Env entry")) {
                continue;
            }
            std::string text = json::scalar(item);
            model::NamedValue nv;
            size_t eq = text.find('=');
            nv.name = text.substr(0, eq);
            nv.origin = json::origin_of(m_source, item);
            nv.value.origin = nv.origin;
            nv.value.set = eq != std::string::npos;
            if (nv.value.set) {
                nv.value.value = text.substr(eq + 1);
            }
            m_image.config.env.push_back(std::move(nv));
        }
    }

    void read_labels(const YAML::Node& v) {
        if (!expect(v, Type::object, "Labels")) {
            return;
        }
        for (const auto& kv : v) {
            model::NamedValue nv;
            nv.name = kv.first.Scalar();
            nv.value = string_setting(kv.second, "a label value");
            model::Origin key = json::origin_of(m_source, kv.first);
            nv.origin = key;
            if (nv.value.set) {
                nv.origin.range.end = nv.value.origin.range.end;
            }
            m_image.config.labels.push_back(std::move(nv));
        }
    }

    void read_history(const YAML::Node& v) {
        if (!expect(v, Type::array, "history")) {
            return;
        }
        for (const YAML::Node& item : v) {
            model::ImageHistoryEntry e;
            e.origin = json::origin_of(m_source, item);
            if (!expect(item, Type::object, "a history entry")) {
                continue;
            }
            for (const auto& kv : item) {
                const std::string& key = kv.first.Scalar();
                if (key == "created") {
                    e.created = string(kv.second, "history created");
                } else if (key == "created_by") {
                    e.created_by = string(kv.second, "created_by");
                    e.origin = json::origin_of(m_source, kv.second);
                } else if (key == "comment") {
                    e.comment = string(kv.second, "comment");
                } else if (key == "empty_layer") {
                    e.empty_layer =
                        json::type_of(kv.second) == Type::boolean && json::scalar(kv.second) == "true";
                }
            }
            m_image.history.push_back(std::move(e));
        }
    }

    void read_rootfs(const YAML::Node& v) {
        if (!expect(v, Type::object, "rootfs")) {
            return;
        }
        for (const auto& kv : v) {
            if (kv.first.Scalar() != "diff_ids" || !expect(kv.second, Type::array, "rootfs.diff_ids")) {
                continue;
            }
            for (const YAML::Node& d : kv.second) {
                std::string id = string(d, "a diff_id");
                if (!is_sha256_digest(id)) {
                    error(d, fmt::format("diff_id '{}' is not a sha256 digest", id));
                }
                m_diff_ids.push_back(id);
            }
        }
    }

    /// Non-empty history entries map onto the layers in order.
    void assign_layers() {
        int layer = 0;
        for (model::ImageHistoryEntry& e : m_image.history) {
            if (!e.empty_layer && layer < static_cast<int>(m_diff_ids.size())) {
                e.layer = layer++;
            }
        }
    }

    const util::SourcePtr& m_source;
    model::ImageSpec& m_image;
    std::vector<std::string>& m_diff_ids;
    std::vector<core::Diagnostic>& m_diags;
};

}  // namespace

std::string config_display_path(std::string_view input, std::string_view config_digest) {
    return fmt::format("{}@{}/config.json", input, short_digest(config_digest));
}

std::string pretty_config(std::string_view raw) {
    if (json::too_deep_at(raw) != std::string_view::npos) {
        return {};
    }
    try {
        return nlohmann::json::parse(raw).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
               "\n";
    } catch (const std::exception&) {
        return {};
    }
}

bool parse_config(const util::SourcePtr& source, model::ImageSpec& image, std::vector<std::string>& diff_ids,
                  std::vector<core::Diagnostic>& diags) {
    json::Document doc = json::load(*source, diags);
    if (!doc.ok) {
        return false;
    }
    try {
        return ConfigReader(source, image, diff_ids, diags).read(doc.root);
    } catch (const std::exception& e) {
        diags.push_back(core::make_diagnostic(core::DiagLevel::error, *source, 0,
                                              std::string("cannot read the image config: ") + e.what()));
        return false;
    }
}

}  // namespace bulwark::input::image
