#include "bulwark/data/runtime_images.hpp"

#include <algorithm>
#include <initializer_list>

#include "bulwark/util/strings.hpp"

namespace bulwark::data {

namespace {

constexpr int k_postgres[] = {5432};
constexpr int k_mysql[] = {3306, 33060};
constexpr int k_mongo[] = {27017};
constexpr int k_redis[] = {6379};
constexpr int k_elastic[] = {9200, 9300};
constexpr int k_memcached[] = {11211};
constexpr int k_cassandra[] = {9042, 7000, 7199};
constexpr int k_couchdb[] = {5984};
constexpr int k_rabbitmq[] = {5672, 15672};
constexpr int k_influx[] = {8086};
constexpr int k_neo4j[] = {7474, 7687};
constexpr int k_clickhouse[] = {8123, 9000};
constexpr int k_mssql[] = {1433};
constexpr int k_zookeeper[] = {2181};
constexpr int k_kafka[] = {9092};
constexpr int k_etcd[] = {2379, 2380};
constexpr int k_couchbase[] = {8091, 11210};
constexpr int k_arangodb[] = {8529};
constexpr int k_minio[] = {9000, 9001};
constexpr int k_nats[] = {4222};
constexpr int k_oracle[] = {1521};

struct DatastoreEntry {
    std::string_view name;  // last repository component
    Datastore store;
};

const DatastoreEntry k_datastores[] = {
    {"postgres", {"PostgreSQL", k_postgres}},
    {"postgresql", {"PostgreSQL", k_postgres}},
    {"postgis", {"PostgreSQL", k_postgres}},
    {"timescaledb", {"PostgreSQL", k_postgres}},
    {"mysql", {"MySQL", k_mysql}},
    {"mysql-server", {"MySQL", k_mysql}},
    {"mariadb", {"MariaDB", k_mysql}},
    {"percona", {"MySQL", k_mysql}},
    {"mongo", {"MongoDB", k_mongo}},
    {"mongodb", {"MongoDB", k_mongo}},
    {"redis", {"Redis", k_redis}},
    {"redis-stack", {"Redis", k_redis}},
    {"redis-stack-server", {"Redis", k_redis}},
    {"valkey", {"Valkey", k_redis}},
    {"keydb", {"KeyDB", k_redis}},
    {"elasticsearch", {"Elasticsearch", k_elastic}},
    {"opensearch", {"OpenSearch", k_elastic}},
    {"memcached", {"Memcached", k_memcached}},
    {"cassandra", {"Cassandra", k_cassandra}},
    {"scylla", {"ScyllaDB", k_cassandra}},
    {"couchdb", {"CouchDB", k_couchdb}},
    {"rabbitmq", {"RabbitMQ", k_rabbitmq}},
    {"influxdb", {"InfluxDB", k_influx}},
    {"neo4j", {"Neo4j", k_neo4j}},
    {"clickhouse-server", {"ClickHouse", k_clickhouse}},
    {"clickhouse", {"ClickHouse", k_clickhouse}},
    {"server", {"SQL Server", k_mssql}},
    {"zookeeper", {"ZooKeeper", k_zookeeper}},
    {"kafka", {"Kafka", k_kafka}},
    {"etcd", {"etcd", k_etcd}},
    {"couchbase", {"Couchbase", k_couchbase}},
    {"arangodb", {"ArangoDB", k_arangodb}},
    {"minio", {"MinIO", k_minio}},
    {"nats", {"NATS", k_nats}},
    {"oracle-free", {"Oracle Database", k_oracle}},
    {"oracle-xe", {"Oracle Database", k_oracle}},
};

struct FileEnvImage {
    std::string_view name;                         // last repository component
    std::initializer_list<std::string_view> vars;  // variables read from <var><suffix>; empty: any
    std::string_view prefix;                       // with `vars` empty: variables starting with it
    std::string_view suffix;
};

const FileEnvImage k_file_env[] = {
    {"postgres", {"POSTGRES_PASSWORD", "POSTGRES_USER", "POSTGRES_DB", "POSTGRES_INITDB_ARGS"}, "", "_FILE"},
    {"postgis", {"POSTGRES_PASSWORD", "POSTGRES_USER", "POSTGRES_DB"}, "", "_FILE"},
    {"mysql", {"MYSQL_ROOT_PASSWORD", "MYSQL_PASSWORD", "MYSQL_USER", "MYSQL_DATABASE"}, "", "_FILE"},
    {"mariadb",
     {"MARIADB_ROOT_PASSWORD", "MARIADB_PASSWORD", "MARIADB_USER", "MARIADB_DATABASE", "MYSQL_ROOT_PASSWORD",
      "MYSQL_PASSWORD", "MYSQL_USER", "MYSQL_DATABASE"},
     "",
     "_FILE"},
    {"mongo", {"MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD"}, "", "_FILE"},
    {"wordpress",
     {"WORDPRESS_DB_PASSWORD", "WORDPRESS_DB_USER", "WORDPRESS_DB_NAME", "WORDPRESS_AUTH_KEY"},
     "",
     "_FILE"},
    {"nextcloud",
     {"POSTGRES_PASSWORD", "MYSQL_PASSWORD", "NEXTCLOUD_ADMIN_PASSWORD", "NEXTCLOUD_ADMIN_USER",
      "REDIS_HOST_PASSWORD", "SMTP_PASSWORD"},
     "",
     "_FILE"},
    {"postgresql", {}, "POSTGRESQL_", "_FILE"},  // bitnami/postgresql
    {"redis", {}, "REDIS_", "_FILE"},            // bitnami/redis (the official image has no secrets)
    {"grafana", {}, "GF_", "__FILE"},
    {"influxdb", {"DOCKER_INFLUXDB_INIT_PASSWORD", "DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"}, "", "_FILE"},
};

std::string base_of(const model::ImageRef& image) {
    return util::to_lower(image.base_name());
}

}  // namespace

std::optional<Datastore> datastore(const model::ImageRef& image) {
    std::string base = base_of(image);
    if (base == "server" && image.repository.find("mssql") == std::string::npos) {
        return std::nullopt;
    }
    for (const DatastoreEntry& e : k_datastores) {
        if (e.name == base) {
            return e.store;
        }
    }
    return std::nullopt;
}

std::optional<std::string> file_variant(const model::ImageRef& image, std::string_view name) {
    std::string base = base_of(image);
    bool official = image.repository.rfind("library/", 0) == 0;
    for (const FileEnvImage& e : k_file_env) {
        if (e.name != base) {
            continue;
        }
        if (e.vars.size() == 0) {
            // Prefix families are the bitnami/grafana images, not official images of that name.
            if ((base == "redis" && official) || !util::starts_with(name, e.prefix)) {
                continue;
            }
            return std::string(name) + std::string(e.suffix);
        }
        if (std::find(e.vars.begin(), e.vars.end(), name) != e.vars.end()) {
            return std::string(name) + std::string(e.suffix);
        }
    }
    return std::nullopt;
}

}  // namespace bulwark::data
