// util::Once: the run-once guard of the build-context cache.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "bulwark/util/once.hpp"

namespace bulwark {
namespace {

TEST(Once, RunsOnceAcrossThreadsAndEveryCallerSeesTheResult) {
    util::Once once;
    std::atomic<int> runs{0};
    int value = 0;
    std::vector<std::thread> threads;
    std::atomic<int> seen{0};
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 100; ++i) {
                once.call([&] {
                    ++runs;
                    value = 42;
                });
                seen += value == 42 ? 1 : 0;
            }
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    EXPECT_EQ(runs.load(), 1);
    EXPECT_EQ(seen.load(), 800);
}

TEST(Once, AThrowingCallDoesNotCountAsDone) {
    util::Once once;
    int runs = 0;
    EXPECT_THROW(once.call([&] {
        ++runs;
        throw std::runtime_error("first");
    }),
                 std::runtime_error);
    once.call([&] { ++runs; });
    once.call([&] { ++runs; });
    EXPECT_EQ(runs, 2);
}

}  // namespace
}  // namespace bulwark
