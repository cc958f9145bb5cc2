#include "bulwark/input/image/engine_api.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bulwark/util/strings.hpp"

namespace bulwark::input::image {

namespace {

constexpr std::string_view k_api_version = "/v1.41";
constexpr size_t k_max_small_body = 16U << 20U;
constexpr size_t k_stream_buffer = 4U << 20U;

void init_curl() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CURL* new_handle(const EngineEndpoint& endpoint, const std::string& path) {
    init_curl();
    CURL* c = curl_easy_init();
    if (c == nullptr) {
        return nullptr;
    }
    std::string url = endpoint.base_url + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    if (!endpoint.socket.empty()) {
        curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, endpoint.socket.c_str());
    }
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "bulwark");
    return c;
}

struct SmallBody {
    std::string data;
    bool too_big = false;
};

size_t on_small(char* ptr, size_t size, size_t n, void* user) {
    auto* b = static_cast<SmallBody*>(user);
    size_t len = size * n;
    if (b->data.size() + len > k_max_small_body) {
        b->too_big = true;
        return 0;
    }
    b->data.append(ptr, len);
    return len;
}

}  // namespace

EngineEndpoint resolve_endpoint(const std::string& docker_host) {
    EngineEndpoint e;
    e.host = docker_host;
    if (e.host.empty()) {
        const char* env = std::getenv("DOCKER_HOST");
        e.host = env != nullptr && *env != '\0' ? env : "unix:///var/run/docker.sock";
    }
    if (util::starts_with(e.host, "unix://")) {
        e.socket = e.host.substr(7);
        e.base_url = fmt::format("http://localhost{}", k_api_version);
    } else if (util::starts_with(e.host, "tcp://") || util::starts_with(e.host, "http://")) {
        std::string rest = e.host.substr(e.host.find("://") + 3);
        while (!rest.empty() && rest.back() == '/') {
            rest.pop_back();
        }
        e.base_url = fmt::format("http://{}{}", rest, k_api_version);
    } else {
        e.error = fmt::format("unsupported Docker host '{}' (use unix:///path or tcp://host:port)", e.host);
    }
    return e;
}

std::string url_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '@' ||
            c == '/') {
            out += c;
        } else {
            out += fmt::format("%{:02X}", u);
        }
    }
    return out;
}

bool engine_get(const EngineEndpoint& endpoint, const std::string& path, std::string& body, long& status,
                std::string& error) {
    CURL* c = new_handle(endpoint, path);
    if (c == nullptr) {
        error = "cannot initialise libcurl";
        return false;
    }
    SmallBody b;
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_small);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    CURLcode r = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    if (b.too_big) {
        error = "the engine's answer is larger than 16 MB";
        return false;
    }
    if (r != CURLE_OK) {
        error = curl_easy_strerror(r);
        return false;
    }
    body = std::move(b.data);
    return true;
}

std::string engine_error_message(const std::string& body) {
    try {
        nlohmann::json j = nlohmann::json::parse(body);
        if (j.is_object() && j.contains("message") && j["message"].is_string()) {
            return j["message"].get<std::string>();
        }
    } catch (const std::exception&) {
    }
    return std::string(util::trim(body.substr(0, 200)));
}

struct EngineStream::Impl {
    CURL* easy = nullptr;
    CURLM* multi = nullptr;
    std::string buffer;
    size_t pos = 0;
    bool paused = false;
    bool done = false;
    CURLcode result = CURLE_OK;
    long status = 0;
    std::string error_body;
    std::string setup_error;

    static size_t on_data(char* ptr, size_t size, size_t n, void* user) {
        auto* s = static_cast<Impl*>(user);
        size_t len = size * n;
        if (s->status == 0) {
            curl_easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &s->status);
        }
        if (s->status >= 400) {
            s->error_body.append(
                ptr, std::min(len, size_t{65536} - std::min(size_t{65536}, s->error_body.size())));
            return len;
        }
        if (s->buffer.size() - s->pos >= k_stream_buffer) {
            s->paused = true;
            return CURL_WRITEFUNC_PAUSE;
        }
        if (s->pos > 0 && s->pos == s->buffer.size()) {
            s->buffer.clear();
            s->pos = 0;
        }
        s->buffer.append(ptr, len);
        return len;
    }
};

EngineStream::EngineStream(const EngineEndpoint& endpoint, const std::string& path)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->easy = new_handle(endpoint, path);
    m_impl->multi = curl_multi_init();
    if (m_impl->easy == nullptr || m_impl->multi == nullptr) {
        m_impl->setup_error = "cannot initialise libcurl";
        return;
    }
    curl_easy_setopt(m_impl->easy, CURLOPT_WRITEFUNCTION, Impl::on_data);
    curl_easy_setopt(m_impl->easy, CURLOPT_WRITEDATA, m_impl.get());
    curl_multi_add_handle(m_impl->multi, m_impl->easy);
}

EngineStream::~EngineStream() {
    if (m_impl->multi != nullptr && m_impl->easy != nullptr) {
        curl_multi_remove_handle(m_impl->multi, m_impl->easy);
    }
    if (m_impl->easy != nullptr) {
        curl_easy_cleanup(m_impl->easy);
    }
    if (m_impl->multi != nullptr) {
        curl_multi_cleanup(m_impl->multi);
    }
}

std::ptrdiff_t EngineStream::read(char* buf, size_t size, std::string& error) {
    Impl& s = *m_impl;
    if (!s.setup_error.empty()) {
        error = s.setup_error;
        return -1;
    }
    for (;;) {
        if (s.pos < s.buffer.size()) {
            size_t n = std::min(size, s.buffer.size() - s.pos);
            std::memcpy(buf, s.buffer.data() + s.pos, n);
            s.pos += n;
            return static_cast<std::ptrdiff_t>(n);
        }
        if (s.done) {
            if (s.result != CURLE_OK) {
                error = fmt::format("reading from the engine: {}", curl_easy_strerror(s.result));
                return -1;
            }
            if (s.status >= 400) {
                error =
                    fmt::format("the engine answered {}: {}", s.status, engine_error_message(s.error_body));
                return -1;
            }
            return 0;
        }
        if (s.paused) {
            s.paused = false;
            curl_easy_pause(s.easy, CURLPAUSE_CONT);
            continue;
        }
        int running = 0;
        CURLMcode mc = curl_multi_perform(s.multi, &running);
        if (mc != CURLM_OK) {
            error = fmt::format("reading from the engine: {}", curl_multi_strerror(mc));
            return -1;
        }
        if (running == 0) {
            int left = 0;
            while (CURLMsg* msg = curl_multi_info_read(s.multi, &left)) {
                if (msg->msg == CURLMSG_DONE) {
                    s.result = msg->data.result;
                }
            }
            if (s.status == 0) {
                curl_easy_getinfo(s.easy, CURLINFO_RESPONSE_CODE, &s.status);
            }
            s.done = true;
            continue;
        }
        if (s.pos >= s.buffer.size()) {
            curl_multi_poll(s.multi, nullptr, 0, 1000, nullptr);
        }
    }
}

}  // namespace bulwark::input::image
