#include "bulwark/input/json/located.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace bulwark::input::json {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

size_t bom_size(const std::string& text) {
    return text.compare(0, k_bom.size(), k_bom) == 0 ? k_bom.size() : 0;
}

/// Offset just after the string, literal, object or array that starts at `begin`.
size_t token_end(std::string_view text, size_t begin) {
    if (begin >= text.size()) {
        return text.size();
    }
    int depth = 0;
    bool in_string = false;
    for (size_t i = begin; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
                if (depth == 0) {
                    return i + 1;
                }
            }
            continue;
        }
        switch (c) {
            case '"':
                in_string = true;
                break;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
            case ']':
                if (depth == 0) {
                    return i;  // the end of a literal just before a closing bracket
                }
                if (--depth == 0) {
                    return i + 1;
                }
                break;
            case ',':
            case ':':
            case ' ':
            case '\t':
            case '\r':
            case '\n':
                if (depth == 0) {
                    return i;
                }
                break;
            default:
                break;
        }
    }
    return text.size();
}

/// The part of nlohmann's message after "parse error at line L, column C: ".
std::string parse_error_text(const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    size_t at = what.find("parse error");
    size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

size_t too_deep_at(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > k_max_depth) {
                return i;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::string_view::npos;
}

Document load(const util::SourceFile& source, std::vector<core::Diagnostic>& diags) {
    const std::string& text = source.text();
    Document doc;
    if (!nlohmann::json::accept(text)) {
        // Parse again for the byte position and the reason.
        size_t offset = 0;
        std::string reason = "not a JSON document";
        try {
            nlohmann::json value = nlohmann::json::parse(text);
            (void)value;
        } catch (const nlohmann::json::parse_error& e) {
            offset = e.byte > 0 ? e.byte - 1 : 0;
            reason = parse_error_text(e);
        } catch (const std::exception& e) {
            reason = e.what();
        }
        diags.push_back(core::make_diagnostic(core::DiagLevel::error, source, std::min(offset, text.size()),
                                              "invalid JSON: " + reason));
        return doc;
    }
    if (size_t deep = too_deep_at(text); deep != std::string_view::npos) {
        diags.push_back(core::make_diagnostic(core::DiagLevel::error, source, deep,
                                              fmt::format("JSON nested deeper than {} levels", k_max_depth)));
        return doc;
    }
    try {
        doc.root = YAML::Load(text.substr(bom_size(text)));
        doc.ok = true;
    } catch (const YAML::Exception& e) {
        // Valid JSON that yaml-cpp refuses (rare): report it rather than guess locations.
        size_t offset = e.mark.pos >= 0 ? static_cast<size_t>(e.mark.pos) + bom_size(text) : 0;
        diags.push_back(core::make_diagnostic(core::DiagLevel::error, source, std::min(offset, text.size()),
                                              "cannot read JSON: " + e.msg));
    }
    return doc;
}

size_t offset_of(const util::SourceFile& source, const YAML::Node& node) {
    int pos = node.Mark().pos;
    size_t offset = pos >= 0 ? static_cast<size_t>(pos) + bom_size(source.text()) : 0;
    return std::min(offset, source.text().size());
}

model::Range range_of(const util::SourceFile& source, const YAML::Node& node) {
    size_t begin = offset_of(source, node);
    size_t end = std::max(token_end(source.text(), begin), begin);
    return model::Range{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

model::Origin origin_of(const util::SourcePtr& source, const YAML::Node& node) {
    return model::Origin{source, range_of(*source, node)};
}

Type type_of(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Sequence:
            return Type::array;
        case YAML::NodeType::Map:
            return Type::object;
        case YAML::NodeType::Scalar:
            break;
        default:
            return Type::null;
    }
    if (node.Tag() == "!") {
        return Type::string;  // quoted
    }
    const std::string& s = node.Scalar();
    if (s == "true" || s == "false") {
        return Type::boolean;
    }
    if (s == "null") {
        return Type::null;
    }
    return Type::number;
}

std::string_view type_name(Type t) {
    switch (t) {
        case Type::null:
            return "null";
        case Type::boolean:
            return "a boolean";
        case Type::number:
            return "a number";
        case Type::string:
            return "a string";
        case Type::array:
            return "an array";
        case Type::object:
            return "an object";
    }
    return "null";
}

std::string scalar(const YAML::Node& node) {
    return node.IsScalar() ? node.Scalar() : std::string();
}

}  // namespace bulwark::input::json
