// Checks on raw input bytes shared by the plain-text and JSON readers: binary files, NUL bytes,
// invalid UTF-8, byte order marks and blank text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "newsgraph/common/error.h"

namespace newsgraph::ingest {

// How many leading bytes of a file are probed for a NUL byte to call it binary.
inline constexpr std::size_t kBinaryProbeBytes = 8192;

// The UTF-8 byte order mark.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Looks at the first bytes of a file (`head` may be the whole file or just its start).
// Returns the message for a UTF-16 byte order mark or for a NUL byte within the first
// kBinaryProbeBytes ("binary file (NUL byte at offset 3), not an article"), else nullopt.
std::optional<std::string> probeBinary(std::string_view head);

// Returns a read error at the first NUL byte ("unexpected NUL byte") or the first invalid UTF-8
// sequence ("invalid UTF-8 byte 0xE9") of `bytes`, whichever comes first, else nullopt.
// The position is 1-based; `firstLine` is the line of the first byte in `source`.
std::optional<common::Error> checkTextBytes(std::string_view bytes, std::string_view source,
                                            std::size_t firstLine);

// A "read" stage error; line and column 0 mean unknown.
common::Error readError(std::string_view source, std::string message, std::size_t line = 0,
                        std::size_t column = 0);

// True for the ASCII white-space bytes: space, \t, \n, \v, \f, \r.
bool isAsciiSpace(char c);

// True when `text` holds only ASCII white space, no-break spaces (U+00A0) and narrow no-break
// spaces (U+202F), or nothing.
bool isBlank(std::string_view text);

// `text` without ASCII white space at both ends. The view points into `text`.
std::string_view trimAsciiSpace(std::string_view text);

// `token` between single quotes for a message, cut after 40 bytes (on a UTF-8 character
// boundary) with "..." so that a long value does not swamp the message.
std::string quoteForMessage(std::string_view token);

// Overwrites a leading UTF-8 byte order mark with three spaces, so byte offsets stay file offsets.
void blankUtf8Bom(std::string& text);

}  // namespace newsgraph::ingest
