#pragma once
// XML text for the JUnit and checkstyle renderers.
#include <string>
#include <string_view>

namespace bulwark::report::detail {

/// `s` escaped for XML 1.0 character data, or for a double-quoted attribute when `attribute` is set
/// (then tab, newline and carriage return become character references so they survive attribute
/// normalisation). Invalid UTF-8, control characters XML 1.0 forbids (and DEL/C1 controls, U+FFFE,
/// U+FFFF) become U+FFFD, so the document is always well-formed.
std::string xml_escape(std::string_view s, bool attribute);
/// Appends xml_escape(s, attribute) to `out`.
void append_xml_escaped(std::string& out, std::string_view s, bool attribute);

/// `<?xml version="1.0" encoding="UTF-8"?>` and a newline.
inline constexpr std::string_view k_xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

}  // namespace bulwark::report::detail
