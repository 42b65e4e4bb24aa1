#include "newsgraph/ingest/date_parser.h"

#include <array>
#include <cstdint>
#include <limits>
#include <span>

#include "date_scanner.h"

namespace newsgraph::ingest {
namespace date_scan {

Introducer DateScanner::introducerBefore(std::size_t i) const {
  Introducer intro;
  if (i == 0) return intro;
  std::size_t k = i - 1;
  Word w = word(k);
  if ((w == Word::kLe || w == Word::kLa || w == Word::kLElided) && k > 0) w = word(--k);
  auto before = [&](std::size_t back) { return k >= back ? word(k - back) : Word::kNone; };
  auto set = [&](DateRole role, Cue cue) {
    intro.role = role;
    intro.cue = cue;
    return intro;
  };
  switch (w) {
    case Word::kDepuis:
      return set(DateRole::kSince, Cue::kStrong);
    case Word::kDes:
      return set(DateRole::kSince, Cue::kWeak);
    case Word::kAvant:
      return set(DateRole::kUntil, Cue::kStrong);
    case Word::kApres:
      return set(DateRole::kSince, Cue::kStrong);
    case Word::kVers:
    case Word::kAnnee:
    case Word::kAn:
      return set(DateRole::kPoint, Cue::kStrong);
    case Word::kPour:
      return set(DateRole::kPoint, Cue::kWeak);
    case Word::kEntre:
      intro.between = true;
      return set(DateRole::kPoint, Cue::kStrong);
    case Word::kIci:
      return before(1) == Word::kDElided ? set(DateRole::kUntil, Cue::kStrong) : intro;
    case Word::kEn:
      return before(1) == Word::kJusqu ? set(DateRole::kUntil, Cue::kStrong)
                                       : set(DateRole::kPoint, Cue::kStrong);
    case Word::kAu:
      return before(1) == Word::kJusqu ? set(DateRole::kUntil, Cue::kStrong)
                                       : set(DateRole::kPoint, Cue::kWeak);
    case Word::kA:
      if (before(1) == Word::kJusqu || (before(1) == Word::kIci && before(2) == Word::kDElided)) {
        return set(DateRole::kUntil, Cue::kStrong);
      }
      return set(DateRole::kPoint, Cue::kQuantity);
    case Word::kDu:
    case Word::kDe:
    case Word::kDElided:
      if (before(1) == Word::kPartir || before(1) == Word::kCompter) {
        return set(DateRole::kSince, Cue::kStrong);
      }
      return set(DateRole::kPoint, isQuantityCue(before(1)) ? Cue::kQuantity : Cue::kWeak);
    default:
      return isQuantityCue(w) ? set(DateRole::kPoint, Cue::kQuantity) : intro;
  }
}

bool DateScanner::followedByCount(std::size_t j) const {
  if (j >= tokens_.size()) return false;
  const LexToken& t = tokens_[j];
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind != TokenKind::kWord) return false;
  if (t.word == Word::kAutres) return true;
  if (!french::isNounWord(t.word)) return false;
  const char last = static_cast<char>(text_[t.end - 1] | 0x20);
  return last == 's' || last == 'x';
}

bool DateScanner::capitalizedInside(std::size_t i) const {
  const char c = text_[tokens_[i].begin];
  if (c < 'A' || c > 'Z' || i == 0) return false;
  const LexToken& before = tokens_[i - 1];
  return before.kind != TokenKind::kPunct ||
         (before.punct != '.' && before.punct != '!' && before.punct != '?' &&
          before.punct != ':' && before.punct != '"' && before.punct != 0);
}

std::size_t DateScanner::connectorAt(std::size_t j, Link& link) const {
  if (j >= tokens_.size()) return kNoToken;
  std::size_t k = j + 1;
  const Word w = word(j);
  if (w == Word::kEt) {
    link = Link::kAnd;
  } else if (w == Word::kOu) {
    link = Link::kList;
  } else if (w == Word::kAu || w == Word::kA) {
    link = Link::kRange;
  } else if (isPunct(j, ',')) {
    link = Link::kComma;
    if (isWord(k, Word::kEt) || isWord(k, Word::kOu)) {
      link = isWord(k, Word::kEt) ? Link::kAnd : Link::kList;
      ++k;
    }
  } else if ((isPunct(j, '-') || isPunct(j, '/')) && glued(j) && glued(k)) {
    link = Link::kDash;
  } else {
    return kNoToken;
  }
  const Word article = word(k);
  if (article == Word::kLe || article == Word::kLa || article == Word::kLElided ||
      article == Word::kEn) {
    ++k;
  }
  return k;
}

std::size_t DateScanner::scanGroup(std::size_t i, std::vector<DateMention>& out) const {
  const std::optional<DateElement> head = parseElement(i, false);
  if (!head) return i + 1;
  if (head->invalid) return head->next;
  const Introducer intro = introducerBefore(i);

  std::array<DateElement, kMaxGroup> members;
  members[0] = *head;
  std::size_t count = 1;
  bool range = false;
  bool countFollows = false;  // a connector leads to a number that is no date ("2000 à 3000")
  for (std::size_t j = head->next; head->relative == RelativeUnit::kNone && count < kMaxGroup;) {
    Link link = Link::kList;
    const std::size_t k = connectorAt(j, link);
    if (k == kNoToken || (intro.between && link != Link::kAnd)) break;
    // A comma joins dates that share a month or year ("les 7, 8 et 9 mai", "en 2014, 2015"),
    // not complete dates: "le 15 août, le 3 février 2022" are two separate dates.
    const DateElement& last = members[count - 1];
    if (link == Link::kComma && !last.bareDay() && !last.bareYear && !last.monthOnly()) break;
    const std::optional<DateElement> next = parseElement(k, true);
    if (!next || next->invalid || next->relative != RelativeUnit::kNone ||
        (next->bareYear && followedByCount(next->next)) ||
        (members[count - 1].bareDay() && next->month == 0 && !next->bareDay())) {
      countFollows = isNumber(k);
      break;
    }
    members[count++] = *next;
    j = next->next;
    if (link == Link::kRange || link == Link::kDash) range = true;
    if (range || intro.between) break;
  }
  const std::size_t end = members[count - 1].next;

  if (intro.between && count != 2) return i + 1;
  if (members[count - 1].bareDay()) return i + 1;
  if (head->bareYear && intro.cue != Cue::kStrong &&
      (intro.cue == Cue::kQuantity || followedByCount(head->next) ||
       (count == 1 && countFollows))) {
    return i + 1;
  }
  if (count == 1 && head->monthOnly() &&
      (intro.cue == Cue::kNone || intro.cue == Cue::kQuantity || capitalizedInside(i))) {
    return i + 1;
  }

  const bool pair = count == 2 && (range || intro.between);
  std::array<ResolvedDate, kMaxGroup> dates;
  const std::span<const DateElement> group = std::span<const DateElement>(members).first(count);
  if (!resolveDates(group, pair, context_, std::span(dates).first(count))) return end;
  for (std::size_t k = 0; k < count; ++k) {
    DateMention mention;
    mention.begin = tokens_[members[k].first].begin;
    mention.end = tokens_[members[k].next - 1].end;
    mention.date = dates[k].date;
    mention.role = pair ? (k == 0 ? DateRole::kRangeStart : DateRole::kRangeEnd) : intro.role;
    mention.yearInferred = dates[k].inferred;
    out.push_back(mention);
  }
  return end;
}

}  // namespace date_scan
namespace {

using date_scan::DateScanner;
using french::LexToken;

// Reused between calls so that a sentence costs no allocation once the buffer has grown.
std::vector<LexToken>& tokenBuffer() {
  thread_local std::vector<LexToken> buffer;
  return buffer;
}

}  // namespace

std::string_view dateRoleName(DateRole role) {
  switch (role) {
    case DateRole::kPoint:
      return "point";
    case DateRole::kRangeStart:
      return "range-start";
    case DateRole::kRangeEnd:
      return "range-end";
    case DateRole::kSince:
      return "since";
    case DateRole::kUntil:
      return "until";
  }
  return "point";
}

std::string DateMention::toString() const {
  std::string out = date.toString();
  out += ' ';
  out += dateRoleName(role);
  out += " [" + std::to_string(begin) + "," + std::to_string(end) + ")";
  if (yearInferred) out += " inferred";
  return out;
}

std::vector<DateMention> findDates(std::string_view sentence, const DateContext& context) {
  std::vector<DateMention> out;
  if (sentence.size() >= std::numeric_limits<std::uint32_t>::max()) return out;
  // Most sentences have no digit and no date word: skip them without lexing.
  if (!french::hasDigitOrWord(sentence, date_scan::kDatePrefixes, date_scan::isDateWord)) {
    return out;
  }
  std::vector<LexToken>& tokens = tokenBuffer();
  french::lex(sentence, tokens);
  DateScanner(sentence, tokens, context).run(out);
  return out;
}

}  // namespace newsgraph::ingest
