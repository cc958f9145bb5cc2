// Alpine's apk database: /lib/apk/db/installed, one "X:value" line per field, a blank line between
// packages.
#include "bulwark/input/image/packages/parsers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image::packages {

std::vector<model::Package> parse_apk_installed(std::string_view text) {
    std::vector<model::Package> out;
    model::Package cur;
    auto flush = [&] {
        if (!cur.name.empty() && !cur.version.empty() && out.size() < k_max_packages) {
            cur.type = "apk";
            out.push_back(std::move(cur));
        }
        cur = model::Package{};
    };
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view line =
            text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            flush();
            continue;
        }
        if (line.size() < 2 || line[1] != ':') {
            continue;
        }
        std::string value(line.substr(2));
        switch (line[0]) {
            case 'P':
                cur.name = std::move(value);
                break;
            case 'V':
                cur.version = std::move(value);
                break;
            case 'A':
                cur.arch = std::move(value);
                break;
            case 'L':
                if (!value.empty()) {
                    cur.licenses = {std::move(value)};
                }
                break;
            case 'o':
                cur.source = std::move(value);
                break;
            default:
                break;
        }
    }
    flush();
    return out;
}

}  // namespace bulwark::input::image::packages
