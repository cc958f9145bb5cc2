#include "bulwark/report/renderers/xml.hpp"
#include "bulwark/util/strings.hpp"

#include "bulwark/report/renderers/ascii_scan.hpp"
#include "bulwark/report/renderers/common.hpp"

namespace bulwark::report::detail {

std::string xml_escape(std::string_view s, bool attribute) {
    std::string out;
    out.reserve(s.size());
    append_xml_escaped(out, s, attribute);
    return out;
}

void append_xml_escaped(std::string& out, std::string_view s, bool attribute) {
    size_t i = 0;
    while (i < s.size()) {
        // Runs of printable ASCII that needs no reference are copied at once.
        size_t run = first_unplain<'&', '<', '>', '"'>(s.substr(i));
        out.append(s.data() + i, run);
        i += run;
        if (i == s.size()) {
            break;
        }
        size_t start = i;
        long cp = decode_utf8(s, i);
        switch (cp) {
            case '&':
                out += "&amp;";
                continue;
            case '<':
                out += "&lt;";
                continue;
            case '>':
                out += "&gt;";
                continue;
            case '"':
                out += attribute ? "&quot;" : "\"";
                continue;
            case '\r':
                out += "&#13;";
                continue;
            case '\t':
            case '\n':
                if (attribute) {
                    out += cp == '\t' ? "&#9;" : "&#10;";
                } else {
                    out += static_cast<char>(cp);
                }
                continue;
            default:
                break;
        }
        bool bad = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF;
        if (bad) {
            util::append_utf8(out, 0xFFFD);
        } else {
            out.append(s.substr(start, i - start));
        }
    }
}

}  // namespace bulwark::report::detail
