#include "rdf_vocabulary.h"

#include "newsgraph/common/text.h"

namespace newsgraph::exporter::rdf {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool isSafeByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

void appendEscape(unsigned char c, std::string& out) {
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void appendEncodedSegment(std::string_view id, std::string& out) {
  for (std::size_t i = 0; i < id.size(); ++i) {
    auto c = static_cast<unsigned char>(id[i]);
    if (isSafeByte(c) && !(i == 0 && c == '-')) {
      out += static_cast<char>(c);
    } else {
      appendEscape(c, out);
    }
  }
}

std::string encoded(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  appendEncodedSegment(id, out);
  return out;
}

std::string camelCase(std::string_view typeName) {
  std::string out;
  bool upper = false;
  for (char c : typeName) {
    if (c == '_') {
      upper = !out.empty();
      continue;
    }
    bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!letter) {
      out += c;
    } else if (upper) {
      out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    upper = false;
  }
  return out;
}

std::string hex64(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 0; i < 16; ++i) {
    out[static_cast<std::size_t>(15 - i)] = kDigits[(value >> (4 * i)) & 15];
  }
  return out;
}

std::string decodeSegment(std::string_view segment) {
  std::string out;
  out.reserve(segment.size());
  for (std::size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '%' && i + 2 < segment.size()) {
      int high = hexValue(segment[i + 1]);
      int low = hexValue(segment[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += segment[i];
  }
  return out;
}

void appendIriText(std::string_view url, std::string& out) {
  std::size_t i = 0;
  while (i < url.size()) {
    std::size_t bad = url.size();
    if (auto invalid = common::findInvalidUtf8(url.substr(i))) bad = i + *invalid;
    for (; i < bad; ++i) {
      auto c = static_cast<unsigned char>(url[i]);
      bool forbidden = c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' ||
                       c == '}' || c == '|' || c == '\\' || c == '^' || c == '`';
      if (forbidden) {
        appendEscape(c, out);
      } else {
        out += static_cast<char>(c);
      }
    }
    if (i < url.size()) appendEscape(static_cast<unsigned char>(url[i++]), out);
  }
}

bool hasScheme(std::string_view text) {
  if (text.empty() || !((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z')))
    return false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == ':') return true;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return false;
}

void Fnv1a::add(std::string_view bytes) {
  for (char c : bytes) {
    hash_ ^= static_cast<unsigned char>(c);
    hash_ *= 1099511628211ULL;
  }
  hash_ ^= 0xFF;  // field separator: ("ab", "c") and ("a", "bc") differ
  hash_ *= 1099511628211ULL;
}

void Fnv1a::add(std::uint64_t number) {
  for (int i = 0; i < 8; ++i) {
    hash_ ^= (number >> (8 * i)) & 0xFF;
    hash_ *= 1099511628211ULL;
  }
}

std::string Fnv1a::hex() const { return hex64(hash_); }

}  // namespace newsgraph::exporter::rdf
