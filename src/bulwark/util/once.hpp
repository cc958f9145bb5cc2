#pragma once
// A run-once guard for work shared between scan threads. std::call_once on glibc makes a futex
// system call every time it completes, even with no thread waiting; a scan runs it once per
// build-context file and directory. This one costs a mutex only the first time.
#include <atomic>
#include <mutex>

namespace bulwark::util {

class Once {
  public:
    /// Runs `f` unless a call has already completed; concurrent callers wait for the first. When
    /// `f` throws, nothing counts as done and the next call runs it again (as std::call_once).
    template <class F>
    void call(F&& f) {
        if (m_done.load(std::memory_order_acquire)) {
            return;
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_done.load(std::memory_order_relaxed)) {
            f();
            m_done.store(true, std::memory_order_release);
        }
    }

    /// Whether a call has completed (a hint: another thread may complete one right after).
    bool done() const { return m_done.load(std::memory_order_acquire); }

  private:
    std::atomic<bool> m_done{false};
    std::mutex m_mutex;
};

}  // namespace bulwark::util
