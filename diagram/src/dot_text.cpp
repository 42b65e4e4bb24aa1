#include "dot_text.h"

namespace newsgraph::diagram {

std::string cleanText(std::string_view text, std::size_t maxBytes) {
  std::string out;
  out.reserve(std::min(text.size(), maxBytes));
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    out.push_back(byte < 0x20 || byte == 0x7f ? ' ' : c);
  }
  if (out.size() <= maxBytes) return out;
  std::size_t cut = maxBytes;
  // Back up to the first byte of a UTF-8 character (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out + "\u2026";
}

std::string dotString(std::string_view text, std::size_t maxBytes) {
  std::string clean = cleanText(text, maxBytes);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    if (c == '&') {
      out += "&amp;";  // Graphviz reads entities in labels: "&amp;" shows as '&'
      continue;
    }
    if (c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string htmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : cleanText(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace newsgraph::diagram
