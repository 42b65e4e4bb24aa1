// Private to the ingest module: the dates and quantities of one sentence for the pipeline, with
// the sentence lexed once for both (findDates and findQuantities each lex it).
#pragma once

#include <string_view>
#include <vector>

#include "newsgraph/ingest/date_parser.h"
#include "newsgraph/ingest/quantity_parser.h"

namespace newsgraph::ingest {

// Replaces `dates` with findDates(sentence, context) and `quantities` with
// findQuantities(sentence, dates): the same results, in one pass of the lexer.
void findDatesAndQuantities(std::string_view sentence, const DateContext& context,
                            std::vector<DateMention>& dates, std::vector<Quantity>& quantities);

}  // namespace newsgraph::ingest
