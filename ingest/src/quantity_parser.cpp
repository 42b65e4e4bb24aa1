#include "newsgraph/ingest/quantity_parser.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <utility>

#include "date_scanner.h"
#include "french_numbers.h"
#include "newsgraph/common/text.h"

namespace newsgraph::ingest {
namespace {

using french::LexToken;
using french::LexTokenReader;
using french::TokenKind;
using french::Word;

// Words that can start or make a quantity without digits ("un", "une" only count before one).
constexpr bool isCountWord(Word w) {
  return (french::cardinalValue(w) > 0 && w != Word::kUn && w != Word::kUne) ||
         french::scaleValue(w) > 0 || french::approximateValue(w) > 0;
}

// Where a number word stands in a French cardinal, for the order checks of parseWords.
enum class Rank : std::uint8_t { kStart, kUnit, kTeen, kTens, kHundred, kThousand, kScale };

Rank rankOf(Word w) {
  if (w == Word::kCent) return Rank::kHundred;
  if (w == Word::kMille) return Rank::kThousand;
  if (w == Word::kMillion || w == Word::kMilliard) return Rank::kScale;
  const int value = french::cardinalValue(w);
  return value >= 20 ? Rank::kTens : value >= 10 ? Rank::kTeen : Rank::kUnit;
}

// May `next` follow `previous` in a cardinal? ("quatre-vingt", "dix-sept", "deux cents").
bool canFollow(Rank previous, Word previousWord, Rank next, Word nextWord) {
  switch (previous) {
    case Rank::kStart:
      return true;
    case Rank::kUnit:
      return next == Rank::kHundred || next == Rank::kThousand || next == Rank::kScale ||
             (previousWord == Word::kQuatre && nextWord == Word::kVingt);
    case Rank::kTeen:
      return next == Rank::kThousand || next == Rank::kScale ||
             (previousWord == Word::kDix && next == Rank::kUnit);
    case Rank::kTens:
      return next == Rank::kUnit || next == Rank::kTeen || next == Rank::kThousand ||
             next == Rank::kScale;
    case Rank::kHundred:
      return next != Rank::kHundred;
    case Rank::kThousand:
    case Rank::kScale:
      return next == Rank::kUnit || next == Rank::kTeen || next == Rank::kTens ||
             next == Rank::kHundred;
  }
  return false;
}

// A quantity being read, with the tokens it spans.
struct Found {
  Quantity quantity;
  std::size_t first = 0;  // index of its first token
  std::size_t next = 0;   // index of the token after its number (before the noun)
};

// Reads the quantities of one lexed sentence. Holds references: lives within one call.
class QuantityScanner : private LexTokenReader {
 public:
  QuantityScanner(std::string_view text, const std::vector<LexToken>& tokens,
                  const std::vector<DateMention>& dates)
      : LexTokenReader(tokens), text_(text), dates_(dates) {}

  void run(std::vector<Quantity>& out) const {
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // token range of each quantity
    for (std::size_t i = 0; i < tokens_.size();) {
      Found found;
      if (insideDate(i) ||
          !(parseVague(i, found) || parseDigits(i, found) || parseWords(i, found))) {
        ++i;
        continue;
      }
      readQualifiers(found);
      readNoun(found);
      i = found.next;
      // "neuf" alone is as often "new" as nine: keep it only when it counts something.
      if (found.next == found.first + 1 && isWord(found.first, Word::kNeuf) &&
          found.quantity.noun.empty()) {
        continue;
      }
      out.push_back(std::move(found.quantity));
      spans.emplace_back(found.first, found.next);
    }
    // "de 30 à 40 morts", "entre 30 et 40 morts", "10-15 morts": the first counts the same.
    for (std::size_t k = out.size(); k-- > 1;) {
      const std::size_t link = spans[k - 1].second;
      if (out[k - 1].noun.empty() && link + 1 == spans[k].first &&
          (isWord(link, Word::kA) || isWord(link, Word::kEt) || isWord(link, Word::kOu) ||
           isPunct(link, '-'))) {
        out[k - 1].noun = out[k].noun;
      }
    }
  }

 private:
  bool insideDate(std::size_t i) const {
    if (i >= tokens_.size()) return false;
    for (const DateMention& date : dates_) {
      if (tokens_[i].begin < date.end && tokens_[i].end > date.begin) return true;
    }
    return false;
  }

  // Digits at token i that start a count: not glued to a name ("G5", "F-16") or inside a
  // number, not the day or year next to a weekday or month.
  bool startsCount(std::size_t i) const {
    if (glued(i) && i > 0) {
      const LexToken& before = tokens_[i - 1];
      if (before.kind == TokenKind::kWord) return false;
      if (before.punct == '/' || before.punct == ':') return false;
      if (glued(i - 1) && i >= 2) {
        const TokenKind twoBefore = tokens_[i - 2].kind;
        if (before.punct == '-' && twoBefore == TokenKind::kWord) return false;
        if ((before.punct == '.' || before.punct == ',') && twoBefore == TokenKind::kNumber) {
          return false;
        }
      }
    }
    const Word previous = i > 0 ? word(i - 1) : Word::kNone;
    if (previous == Word::kHeure && i >= 2 && isNumber(i - 2)) return false;  // "14 h 30"
    if (french::weekdayOf(previous) >= 0 && tokens_[i].digits <= 2) return false;
    if (french::monthOf(previous) > 0 && tokens_[i].digits == 4) return false;
    return true;
  }

  // Digits ending at token `last` that end a count: not an ordinal ("1er", "21e"), a time
  // ("14h30", "14 h 30", "14:30"), a fraction ("3/4") or a day before a month.
  bool endsCount(std::size_t last) const {
    const std::size_t j = last + 1;
    if (glued(j)) {
      const Word w = word(j);
      if (w == Word::kEr || w == Word::kOrdinalSuffix || w == Word::kHeure) return false;
      if ((isPunct(j, '/') || isPunct(j, ':')) && isNumber(j + 1)) return false;
    }
    if (isWord(j, Word::kHeure) && isNumber(j + 1)) return false;
    return french::monthOf(word(j)) == 0;
  }

  // "60 000", "2.000", "6000", "1,5", then "mille", "millions", "milliards".
  bool parseDigits(std::size_t i, Found& found) const {
    if (!isNumber(i) || !startsCount(i)) return false;
    // Whole digits as a mantissa and a count of decimals, so that "1,5 million" is exact.
    double mantissa = static_cast<double>(tokens_[i].number);
    int decimals = 0;
    std::size_t last = i;
    std::size_t j = i + 1;
    if (tokens_[i].digits <= 3) {
      while (isNumber(j) && tokens_[j].digits == 3 && tokens_[j].gap == 1 && !insideDate(j)) {
        mantissa = mantissa * 1000 + static_cast<double>(tokens_[j].number);
        last = j++;
      }
      const bool spaced = last != i;
      while (!spaced && isPunct(j, '.') && glued(j) && isNumber(j + 1) && glued(j + 1) &&
             tokens_[j + 1].digits == 3) {
        mantissa = mantissa * 1000 + static_cast<double>(tokens_[j + 1].number);
        last = j + 1;
        j += 2;
      }
    }
    if ((isPunct(j, ',') || isPunct(j, '.')) && glued(j) && isNumber(j + 1) && glued(j + 1) &&
        tokens_[j + 1].digits <= 6) {
      decimals = tokens_[j + 1].digits;
      mantissa = mantissa * std::pow(10.0, decimals) + static_cast<double>(tokens_[j + 1].number);
      last = j + 1;
      j += 2;
    }
    if (!endsCount(last)) return false;
    double scale = 1;
    if (const double multiplier = french::scaleValue(word(j));
        multiplier >= 1e3 && tokens_[j].gap <= 1) {
      scale = multiplier;
      ++j;
    }
    found.first = i;
    found.next = j;
    found.quantity.value = mantissa * scale / std::pow(10.0, decimals);
    return true;
  }

  // Number words: "onze", "vingt-deux", "quatre-vingt-dix", "deux cents", "vingt et un",
  // "trois mille", "un million".
  bool parseWords(std::size_t i, Found& found) const {
    const Word head = word(i);
    if (french::cardinalValue(head) == 0 && head != Word::kCent && head != Word::kMille) {
      return false;
    }
    if ((head == Word::kUn || head == Word::kUne) && word(i + 1) != Word::kMillion &&
        word(i + 1) != Word::kMilliard) {
      return false;
    }
    if (head == Word::kCent && i > 0 && isWord(i - 1, Word::kPour)) return false;
    double total = 0;
    double current = 0;
    Rank rank = Rank::kStart;
    Word previous = Word::kNone;
    std::size_t j = i;
    while (true) {
      const Word w = word(j);
      const Rank next = rankOf(w);
      if (next == Rank::kHundred) {
        current = (current == 0 ? 1 : current) * 100;
      } else if (next == Rank::kThousand || next == Rank::kScale) {
        total += (current == 0 ? 1 : current) * french::scaleValue(w);
        current = 0;
      } else if (w == Word::kVingt && previous == Word::kQuatre) {
        current += 76;  // "quatre-vingt": the 4 already counted becomes 80
      } else {
        current += french::cardinalValue(w);
      }
      rank = next;
      previous = w;
      std::size_t k = j + 1;
      if (isPunct(k, '-') && glued(k) && glued(k + 1)) {
        ++k;
      } else if (isWord(k, Word::kEt) && rank == Rank::kTens &&
                 (isWord(k + 1, Word::kUn) || isWord(k + 1, Word::kUne) ||
                  isWord(k + 1, Word::kOnze))) {
        ++k;
      }
      if (k >= tokens_.size() || tokens_[k].gap > 1) break;
      const Word after = word(k);
      if (after == Word::kNone ||
          (french::cardinalValue(after) == 0 && french::scaleValue(after) == 0)) {
        break;
      }
      if ((after == Word::kUn || after == Word::kUne) && !isWord(k - 1, Word::kEt)) break;
      if (!canFollow(rank, previous, rankOf(after), after)) break;
      j = k;
    }
    // "vingt-deuxième", "trois-quarts": a compound that is not a cardinal.
    if (isPunct(j + 1, '-') && glued(j + 1) && glued(j + 2) &&
        tokens_[j + 2].kind == TokenKind::kWord) {
      return false;
    }
    if (french::monthOf(word(j + 1)) > 0) return false;  // "le vingt-deux novembre"
    found.first = i;
    found.next = j + 1;
    found.quantity.value = total + current;
    return true;
  }

  // "une dizaine", "des centaines", "plusieurs milliers", "des millions", "centaines de",
  // "des dizaines de milliers".
  bool parseVague(std::size_t i, Found& found) const {
    const Word head = word(i);
    const bool determiner = head == Word::kUn || head == Word::kUne || head == Word::kDes ||
                            head == Word::kPlusieurs || head == Word::kQuelques;
    std::size_t j = determiner ? i + 1 : i;
    const Word amount = word(j);
    double value = french::approximateValue(amount);
    if (value == 0) {
      if (!determiner || head == Word::kUn || head == Word::kUne ||
          (amount != Word::kMillion && amount != Word::kMilliard)) {
        return false;
      }
      value = french::scaleValue(amount);
    } else if (!determiner && !isWord(j + 1, Word::kDe) && !isWord(j + 1, Word::kDElided)) {
      return false;  // "en quarantaine": a quarantine, not forty
    }
    ++j;
    if (isWord(j, Word::kDe) || isWord(j, Word::kDElided)) {
      const Word multiplier = word(j + 1);
      if (multiplier == Word::kMillier) {
        value *= 1e3;
        j += 2;
      } else if (multiplier == Word::kMillion || multiplier == Word::kMilliard) {
        value *= french::scaleValue(multiplier);
        j += 2;
      }
    }
    found.first = i;
    found.next = j;
    found.quantity.value = value;
    found.quantity.vague = true;
    found.quantity.approximate = true;
    return true;
  }

  // "environ", "près de", "plus de", "au moins", "jusqu'à"... before the number.
  void readQualifiers(Found& found) const {
    const std::size_t i = found.first;
    auto before = [&](std::size_t back) { return i >= back ? word(i - back) : Word::kNone; };
    Quantity& q = found.quantity;
    const Word w1 = before(1);
    const Word w2 = before(2);
    const Word w3 = before(3);
    bool approximate = false;
    bool lowerBound = false;
    switch (w1) {
      case Word::kEnviron:
      case Word::kPresque:
      case Word::kQuasiment:
      case Word::kPratiquement:
      case Word::kApproximativement:
      case Word::kQuelque:
        approximate = true;
        break;
      case Word::kDe:
      case Word::kDElided:
        if (w2 == Word::kPlus) {
          approximate = true;
          lowerBound = w3 != Word::kPas;  // "pas plus de" is an upper bound
        } else if (w2 == Word::kMoins) {
          approximate = true;
          lowerBound = w3 == Word::kPas;  // "pas moins de"
        } else {
          approximate = w2 == Word::kPres || w2 == Word::kAutour || w2 == Word::kAlentours ||
                        w2 == Word::kOrdre;
        }
        break;
      case Word::kMoins:
      case Word::kMinimum:
        approximate = lowerBound = w2 == Word::kAu;
        break;
      case Word::kPlus:
      case Word::kMaximum:
        approximate = w2 == Word::kAu;
        break;
      case Word::kA:
        approximate = w2 == Word::kJusqu;
        break;
      case Word::kPres:
        approximate = w2 == Word::kPeu && w3 == Word::kA;  // "à peu près"
        break;
      default:
        break;
    }
    q.approximate = q.approximate || approximate;
    q.lowerBound = lowerBound;
  }

  // The noun after the number, past "de", "d'", "des" and "autres".
  void readNoun(Found& found) const {
    std::size_t j = found.next;
    Quantity& q = found.quantity;
    q.begin = tokens_[found.first].begin;
    q.end = tokens_[found.next - 1].end;
    if (isPunct(j, '%') || (isWord(j, Word::kPour) && isWord(j + 1, Word::kCent))) {
      q.noun = "%";
      return;
    }
    const Word w = word(j);
    if (w == Word::kDe || w == Word::kDElided || w == Word::kDes) ++j;
    if (isWord(j, Word::kAutres)) ++j;
    if (j < tokens_.size() && tokens_[j].kind == TokenKind::kWord &&
        french::isNounWord(tokens_[j].word)) {
      q.noun = common::matchKey(text_.substr(tokens_[j].begin, tokens_[j].end - tokens_[j].begin));
    }
  }

  std::string_view text_;
  const std::vector<DateMention>& dates_;
};

// Reused between calls so that a sentence costs no allocation once the buffer has grown.
std::vector<LexToken>& tokenBuffer() {
  thread_local std::vector<LexToken> buffer;
  return buffer;
}

// Key prefixes of the words isCountWord accepts.
constexpr french::KeyPrefixes kCountPrefixes(isCountWord);

bool mayHaveQuantity(std::string_view sentence) {
  return sentence.size() < std::numeric_limits<std::uint32_t>::max() &&
         french::hasDigitOrWord(sentence, kCountPrefixes, isCountWord);
}

}  // namespace

std::string Quantity::toString() const {
  char number[32];
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    std::snprintf(number, sizeof number, "%.0f", value);
  } else {
    std::snprintf(number, sizeof number, "%g", value);
  }
  std::string out = number;
  out += ' ';
  out += noun.empty() ? "-" : noun;
  out += " [" + std::to_string(begin) + "," + std::to_string(end) + ")";
  if (vague) out += " vague";
  if (approximate) out += " approximate";
  if (lowerBound) out += " lower-bound";
  return out;
}

std::vector<Quantity> findQuantities(std::string_view sentence,
                                     const std::vector<DateMention>& dates) {
  std::vector<Quantity> out;
  if (!mayHaveQuantity(sentence)) return out;
  std::vector<LexToken>& tokens = tokenBuffer();
  french::lex(sentence, tokens);
  QuantityScanner(sentence, tokens, dates).run(out);
  return out;
}

void findDatesAndQuantities(std::string_view sentence, const DateContext& context,
                            std::vector<DateMention>& dates, std::vector<Quantity>& quantities) {
  dates.clear();
  quantities.clear();
  if (sentence.size() >= std::numeric_limits<std::uint32_t>::max()) return;
  bool mayHaveDate = false;
  bool mayHaveCount = false;
  french::hasDigitOrWords(sentence, date_scan::kDatePrefixes, date_scan::isDateWord, kCountPrefixes,
                          isCountWord, mayHaveDate, mayHaveCount);
  if (!mayHaveDate && !mayHaveCount) return;
  std::vector<LexToken>& tokens = tokenBuffer();
  french::lex(sentence, tokens);
  if (mayHaveDate) date_scan::DateScanner(sentence, tokens, context).run(dates);
  if (mayHaveCount) QuantityScanner(sentence, tokens, dates).run(quantities);
}

std::vector<Quantity> findQuantities(std::string_view sentence) {
  if (!mayHaveQuantity(sentence)) return {};
  // Any day-precision article date lets every year-less date resolve, so its numbers are
  // recognised as parts of a date; the resolved values themselves are not used.
  DateContext context;
  context.articleDate = common::PartialDate{2000, 6, 15, common::DatePrecision::kDay};
  return findQuantities(sentence, findDates(sentence, context));
}

}  // namespace newsgraph::ingest
