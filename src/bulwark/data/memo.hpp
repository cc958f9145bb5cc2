#pragma once
// Answers of the data tables remembered per image reference for the whole process: the files of one
// project share their base images, and a table lookup (tag parsing, glob matching) costs far more
// than a hash lookup. Thread-safe (a scan's workers share it); bounded, past the bound answers are
// computed each time.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "bulwark/model/image_ref.hpp"

namespace bulwark::data {

template <class Value>
class ImageMemo {
  public:
    /// The remembered answer for `image`, or `compute(image)` remembered. `compute` must be a pure
    /// function of the reference's registry, repository, tag and digest.
    template <class Compute>
    Value get(const model::ImageRef& image, Compute compute) {
        std::string key;
        key.reserve(image.registry.size() + image.repository.size() + image.tag.size() + image.digest.size() +
                    4);
        key += image.explicit_registry ? '1' : '0';
        key += image.registry;
        key += '\n';
        key += image.repository;
        key += '\n';
        key += image.tag;
        key += '\n';
        key += image.digest;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (auto it = m_values.find(key); it != m_values.end()) {
                return it->second;
            }
        }
        Value value = compute(image);
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_values.size() < k_max_entries) {
            m_values.emplace(std::move(key), value);
        }
        return value;
    }

  private:
    static constexpr size_t k_max_entries = 4096;
    std::mutex m_mutex;
    std::unordered_map<std::string, Value> m_values;
};

}  // namespace bulwark::data
