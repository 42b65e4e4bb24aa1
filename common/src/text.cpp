#include "newsgraph/common/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace newsgraph::common {
namespace {

// Code points below this bound get a precomputed matching key; others are copied as they are.
constexpr UChar32 kFoldTableSize = 0x2100;

// Matching keys for every code point below kFoldTableSize, as UTF-8 in one pool.
class FoldTable {
 public:
  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    offsets_.resize(static_cast<std::size_t>(kFoldTableSize) + 1);
    for (UChar32 c = 0; c < kFoldTableSize; ++c) {
      offsets_[static_cast<std::size_t>(c)] = static_cast<std::uint32_t>(pool_.size());
      pool_ += keyOf(c, nfd, status);
    }
    offsets_[static_cast<std::size_t>(kFoldTableSize)] = static_cast<std::uint32_t>(pool_.size());
  }

  std::string_view key(UChar32 c) const {
    auto index = static_cast<std::size_t>(c);
    return std::string_view(pool_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
  }

 private:
  static std::string keyOf(UChar32 c, const icu::Normalizer2* nfd, UErrorCode& status) {
    switch (c) {
      case 0x2019:
      case 0x2018:
      case 0x02BC:
      case 0x00B4:
      case 0x0060:
      case 0x2032:
        return "'";
      case 0x0153:
      case 0x0152:
        return "oe";
      case 0x00E6:
      case 0x00C6:
        return "ae";
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
        return "-";
      default:
        break;
    }
    if (U_IS_SURROGATE(c)) return {};
    icu::UnicodeString decomposed;
    if (U_SUCCESS(status) && nfd != nullptr) {
      decomposed = nfd->normalize(icu::UnicodeString(c), status);
    } else {
      decomposed = icu::UnicodeString(c);
    }
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
      UChar32 part = decomposed.char32At(i);
      i += U16_LENGTH(part);
      if (u_getIntPropertyValue(part, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) continue;
      kept.append(part);
    }
    kept.foldCase();
    std::string out;
    kept.toUTF8String(out);
    return out;
  }

  std::vector<std::uint32_t> offsets_;
  std::string pool_;
};

const FoldTable& foldTable() {
  static const FoldTable table;
  return table;
}

}  // namespace

std::optional<std::size_t> findInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    // Eight ASCII bytes at a time: most of a French article is ASCII.
    if (length - i >= 8) {
      std::uint64_t chunk;
      std::memcpy(&chunk, bytes + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

void appendMatchKey(std::string_view utf8, std::string& out) {
  const FoldTable& table = foldTable();
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    if (bytes[i] < 0x80) {  // an ASCII run: one append, then lower case in place
      int32_t run = i + 1;
      while (run < length && bytes[run] < 0x80) ++run;
      const std::size_t old = out.size();
      out.append(utf8.data() + i, static_cast<std::size_t>(run - i));
      for (auto c = out.begin() + static_cast<std::ptrdiff_t>(old); c != out.end(); ++c) {
        if (*c >= 'A' && *c <= 'Z') *c = static_cast<char>(*c + 32);
      }
      i = run;
      continue;
    }
    if (bytes[i] >= 0xC2 && bytes[i] < 0xE0 && i + 1 < length && (bytes[i + 1] & 0xC0) == 0x80) {
      // Two bytes (Latin letters with accents): decoded here, always in the table.
      out += table.key(((bytes[i] & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
      i += 2;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && c < kFoldTableSize) {
      out += table.key(c);
    } else {
      out.append(utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
}

std::string matchKey(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  appendMatchKey(utf8, out);
  return out;
}

std::pair<std::size_t, std::size_t> lineAndColumn(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

std::string toNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  // Most text is already NFC: check the UTF-8 directly, without converting it to UTF-16.
  if (nfc->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                            status) &&
      U_SUCCESS(status)) {
    return std::string(utf8);
  }
  status = U_ZERO_ERROR;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(text, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

namespace {

// Builds a slug from lower-case code points: letters and digits kept, any run of other
// characters one hyphen between them, none at either end.
class SlugWriter {
 public:
  void add(UChar32 lower) {
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      if (pendingDash_ && !out_.empty()) out_ += '-';
      pendingDash_ = false;
      out_ += static_cast<char>(lower);
    } else {
      pendingDash_ = true;
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool pendingDash_ = false;
};

}  // namespace

std::string slugify(std::string_view utf8) {
  SlugWriter slug;
  // ASCII (ids, most names): NFKD leaves it as it is and it has no combining marks.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; })) {
    for (char c : utf8) slug.add(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return slug.take();
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) text = nfkd->normalize(text, status);
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) continue;
    slug.add(u_tolower(c));
  }
  return slug.take();
}

}  // namespace newsgraph::common
