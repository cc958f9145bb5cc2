#pragma once
// Knowledge about images as they run: which are datastores (and their ports), and which read
// secrets from `*_FILE` variables. Pure data and lookups; no I/O.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "bulwark/model/image_ref.hpp"

namespace bulwark::data {

/// A datastore image: its kind for messages and the ports it listens on.
struct Datastore {
    std::string_view kind;       // "PostgreSQL"
    std::span<const int> ports;  // 5432
};

/// The datastore `image` runs (matched on the repository's last component: postgres,
/// bitnami/postgresql, mcr.microsoft.com/mssql/server ...), or nullopt.
std::optional<Datastore> datastore(const model::ImageRef& image);

/// When `image` reads variable `name` from a file given as `<name><suffix>` (the official
/// postgres/mysql/mariadb/mongo/... entrypoints: POSTGRES_PASSWORD_FILE; Grafana: `__FILE`), the
/// variable to use instead ("POSTGRES_PASSWORD_FILE"); nullopt otherwise.
std::optional<std::string> file_variant(const model::ImageRef& image, std::string_view name);

}  // namespace bulwark::data
