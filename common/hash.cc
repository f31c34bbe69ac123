#include "hash.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace privsearch {
namespace {

using Digest = std::array<unsigned char, EVP_MAX_MD_SIZE>;

unsigned sha256(std::string_view bytes, Digest& digest) {
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return size;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    Digest digest{};
    const unsigned size = sha256(bytes, digest);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (unsigned i = 0; i < size; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xF];
    }
    return out;
}

std::string content_digest(std::string_view bytes) {
    Digest digest{};
    sha256(bytes, digest);
    return std::string(reinterpret_cast<const char*>(digest.data()), 16);
}

}  // namespace privsearch
