// tapeless::workspace: reusable memory for evaluation and grad of vector expressions.
#pragma once

#include <cstddef>
#include <memory>

namespace tapeless {

/// Memory for the node values and adjoints of vector expressions, reused from call to call:
/// `tapeless::workspace ws; auto g = tapeless::grad(f, ws, x = x0);` allocates only when a
/// call needs more than any earlier call did, so repeated calls allocate nothing. Results
/// that refer to it (`g[x]` is then an Eigen::Map) are valid until its next use.
class workspace {
public:
    workspace() = default;

    /// Room for `bytes` bytes from the start.
    explicit workspace(std::size_t bytes) { reserve(bytes); }

    /// Grows the memory to at least `bytes` bytes (contents are not kept).
    void reserve(std::size_t bytes) {
        const std::size_t blocks = (bytes + sizeof(block) - 1) / sizeof(block);
        if (blocks > blocks_) {
            data_ = std::make_unique_for_overwrite<block[]>(blocks);  // not zeroed
            blocks_ = blocks;
        }
    }

    /// The bytes available without allocating.
    std::size_t capacity() const { return blocks_ * sizeof(block); }

    /// The memory, as `T`s (at least `count` of them after reserve(count * sizeof(T))).
    template <class T>
    T* as() {
        return reinterpret_cast<T*>(data_.get());
    }

private:
    // Default new alignment (16 bytes): Eigen maps over it unaligned, which costs nothing on
    // current x86 and ARM, and plain operator new[] serves it.
    struct block {
        alignas(std::max_align_t) std::byte bytes[64];
    };
    std::unique_ptr<block[]> data_;
    std::size_t blocks_ = 0;
};

}  // namespace tapeless
