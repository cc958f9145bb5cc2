#include "bulwark/model/image_ref.hpp"

#include "bulwark/util/strings.hpp"

namespace bulwark::model {

std::string ImageRef::short_name() const {
    std::string repo = repository;
    if (!explicit_registry || registry == "docker.io") {
        if (util::starts_with(repo, "library/")) {
            repo = repo.substr(8);
        }
        return repo;
    }
    return registry + "/" + repo;
}

std::string_view ImageRef::base_name() const {
    std::string_view r = repository;
    size_t slash = r.rfind('/');
    return slash == std::string_view::npos ? r : r.substr(slash + 1);
}

std::optional<ImageRef> parse_image_ref(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    for (char c : text) {  // (string_view::find_first_of would call memchr once per character)
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            return std::nullopt;
        }
    }
    ImageRef ref;
    std::string_view rest = text;
    if (size_t at = rest.find('@'); at != std::string_view::npos) {
        ref.digest = std::string(rest.substr(at + 1));
        rest = rest.substr(0, at);
        if (ref.digest.find(':') == std::string::npos) {
            return std::nullopt;
        }
    }
    // The first component is a registry when it has '.' or ':' or is "localhost" (Docker's rule).
    size_t slash = rest.find('/');
    if (slash != std::string_view::npos) {
        std::string_view first = rest.substr(0, slash);
        if (first.find('.') != std::string_view::npos || first.find(':') != std::string_view::npos ||
            first == "localhost") {
            ref.registry = std::string(first);
            ref.explicit_registry = true;
            rest = rest.substr(slash + 1);
        }
    }
    size_t last_slash = rest.rfind('/');
    size_t colon = rest.rfind(':');
    if (colon != std::string_view::npos && (last_slash == std::string_view::npos || colon > last_slash)) {
        ref.tag = std::string(rest.substr(colon + 1));
        rest = rest.substr(0, colon);
        if (ref.tag.empty()) {
            return std::nullopt;
        }
    }
    if (rest.empty()) {
        return std::nullopt;
    }
    for (char c : rest) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
                  c == '/' || (c >= 'A' && c <= 'Z');
        if (!ok) {
            return std::nullopt;
        }
    }
    if (!ref.explicit_registry) {
        ref.registry = "docker.io";
    }
    if (ref.registry == "docker.io" && rest.find('/') == std::string_view::npos) {
        ref.repository.reserve(8 + rest.size());  // built once, not concatenated
        ref.repository.append("library/").append(rest);
    } else {
        ref.repository.assign(rest);
    }
    return ref;
}

}  // namespace bulwark::model
