// daemon.json -> DaemonSpec, every value with the range from its key to the end of its value.
#include <fmt/format.h>

#include "bulwark/input/daemon/options.hpp"
#include "bulwark/input/daemon/parser.hpp"
#include "bulwark/input/json/located.hpp"

namespace bulwark::input::daemon {

namespace {

using json::Type;

class JsonReader {
  public:
    JsonReader(const util::SourcePtr& source, ParseResult& out) : m_source(source), m_out(out) {}

    void read(const YAML::Node& root) {
        model::DaemonSpec& spec = m_out.spec;
        spec.origin = model::Origin{m_source,
                                    {static_cast<uint32_t>(json::offset_of(*m_source, root)),
                                     static_cast<uint32_t>(json::offset_of(*m_source, root) + 1)}};
        if (json::type_of(root) != Type::object) {
            error(root, fmt::format("daemon.json must hold a JSON object, not {}",
                                    json::type_name(json::type_of(root))));
            return;
        }
        for (const auto& kv : root) {
            read_entry(kv.first, kv.second);
        }
    }

  private:
    void error(const YAML::Node& at, std::string message, core::DiagLevel level = core::DiagLevel::error) {
        m_out.diagnostics.push_back(
            core::make_diagnostic(level, *m_source, json::offset_of(*m_source, at), std::move(message)));
    }

    /// From the key to the end of the value.
    model::Origin entry_origin(const YAML::Node& key, const YAML::Node& value) const {
        model::Range k = json::range_of(*m_source, key);
        model::Range v = json::range_of(*m_source, value);
        return model::Origin{m_source, {k.begin, std::max(k.end, v.end)}};
    }

    bool expect(const YAML::Node& key, const YAML::Node& value, Type want, std::string_view what) {
        Type got = json::type_of(value);
        if (got == want) {
            return true;
        }
        error(value, fmt::format("`{}` must be {}, not {}", key.Scalar(), what, json::type_name(got)));
        return false;
    }

    void read_entry(const YAML::Node& key, const YAML::Node& value) {
        const std::string& name = key.Scalar();
        const DaemonOption* opt = option_for_key(name);
        if (opt == nullptr) {
            std::string_view near = closest_option(name, false);
            error(key,
                  near.empty()
                      ? fmt::format("unknown daemon.json key `{}`: dockerd refuses to start", name)
                      : fmt::format("unknown daemon.json key `{}` (did you mean `{}`?): dockerd refuses "
                                    "to start",
                                    name, near),
                  core::DiagLevel::warning);
            return;
        }
        model::DaemonSpec& spec = m_out.spec;
        switch (opt->type) {
            case OptionType::boolean:
                if (expect(key, value, Type::boolean, "true or false")) {
                    spec.*(opt->boolean) =
                        model::Setting<bool>{value.Scalar() == "true", entry_origin(key, value), true, true};
                }
                break;
            case OptionType::string:
                if (expect(key, value, Type::string, "a string")) {
                    spec.*(opt->string) =
                        model::Setting<std::string>{value.Scalar(), entry_origin(key, value), true, true};
                }
                break;
            case OptionType::list:
                if (expect(key, value, Type::array, "an array of strings")) {
                    read_list(key, value, spec.*(opt->list));
                }
                break;
            case OptionType::ulimits:
                if (expect(key, value, Type::object, "an object of ulimits")) {
                    for (const auto& kv : value) {
                        if (expect(
                                kv.first, kv.second, Type::object,
                                "an object such as {\"Name\": \"nofile\", \"Soft\": 1024, \"Hard\": 2048}")) {
                            spec.default_ulimits.push_back(
                                model::DaemonUlimit{kv.first.Scalar(), entry_origin(kv.first, kv.second)});
                        }
                    }
                }
                break;
            case OptionType::log_opts:
                if (expect(key, value, Type::object, "an object of strings")) {
                    for (const auto& kv : value) {
                        if (expect(kv.first, kv.second, Type::string, "a string (quote numbers: \"3\")")) {
                            model::Origin o = entry_origin(kv.first, kv.second);
                            spec.log_opts.push_back(model::NamedValue{
                                kv.first.Scalar(),
                                model::Setting<std::string>{kv.second.Scalar(), o, true, true}, o});
                        }
                    }
                }
                break;
            case OptionType::other_bool:
            case OptionType::other_value:
                break;
        }
    }

    void read_list(const YAML::Node& key, const YAML::Node& value,
                   std::vector<model::Setting<std::string>>& out) {
        out.clear();  // a repeated key replaces the earlier one
        for (const YAML::Node& item : value) {
            if (json::type_of(item) != Type::string) {
                error(item, fmt::format("`{}` entries must be strings, not {}", key.Scalar(),
                                        json::type_name(json::type_of(item))));
                continue;
            }
            out.push_back(
                model::Setting<std::string>{item.Scalar(), json::origin_of(m_source, item), true, true});
        }
    }

    const util::SourcePtr& m_source;
    ParseResult& m_out;
};

}  // namespace

ParseResult parse_daemon_json(const util::SourcePtr& source) {
    ParseResult out;
    out.spec.source_kind = "daemon.json";
    out.spec.defaults_apply = true;
    out.spec.origin = model::Origin{source, {0, source->text().empty() ? 0U : 1U}};
    json::Document doc = json::load(*source, out.diagnostics);
    if (!doc.ok) {
        out.ok = false;
        return out;
    }
    try {
        JsonReader(source, out).read(doc.root);
    } catch (const YAML::Exception& e) {
        out.diagnostics.push_back(core::make_diagnostic(core::DiagLevel::error, *source, 0,
                                                        std::string("cannot read daemon.json: ") + e.what()));
    }
    return out;
}

}  // namespace bulwark::input::daemon
