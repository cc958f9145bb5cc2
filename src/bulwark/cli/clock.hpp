#pragma once
// The clock seam: the only place that reads the current date.
#include <string>
#include <string_view>

namespace bulwark::cli {

/// Today's UTC date as YYYY-MM-DD.
std::string today_utc();
/// True for a well-formed YYYY-MM-DD date.
bool valid_date(std::string_view s);

}  // namespace bulwark::cli
