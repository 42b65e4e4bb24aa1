#include "newsgraph/ingest/pipeline.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "newsgraph/common/text.h"
#include "newsgraph/ingest/tokenizer.h"

namespace newsgraph::ingest {
namespace {

void hashBytes(std::uint64_t& hash, std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  hash ^= 0xFF;  // field separator
  hash *= 1099511628211ULL;
}

}  // namespace

std::uint64_t contentHash(const Article& article) {
  std::uint64_t hash = 14695981039346656037ULL;
  hashBytes(hash, article.doc);
  hashBytes(hash, article.title);
  hashBytes(hash, article.date ? article.date->toString() : std::string());
  hashBytes(hash, article.url);
  hashBytes(hash, article.text);
  return hash;
}

Pipeline::Pipeline(const ontology::Ontology& ontology, const GlueSplitter* glue,
                   PipelineOptions options)
    : ontology_(ontology),
      glue_(glue),
      options_(options),
      splitter_(ontology.lexicon("abbreviation")),
      recognizer_(ontology),
      focus_(ontology),
      relations_(ontology),
      events_(ontology) {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  currentYear_ = utc.tm_year + 1900;
}

DocumentAnalysis Pipeline::analyze(const Article& article) const {
  DocumentAnalysis analysis;
  analysis.tokens.reserve(article.text.size() / 5);
  tokenize(article.text, analysis.tokens, glue_);
  splitter_.split(analysis.tokens, analysis.sentences);
  analysis.recognition = recognizer_.recognize(article.text, analysis.tokens, analysis.sentences);
  analysis.focusCountry = focus_.find(analysis.recognition);
  if (!options_.relations) return analysis;
  DateContext context;
  context.articleDate = article.date;
  context.currentYear = currentYear_;
  analysis.dates.reserve(analysis.sentences.size());
  analysis.quantities.reserve(analysis.sentences.size());
  for (const Sentence& sentence : analysis.sentences) {
    std::string_view text(article.text.data() + sentence.begin, sentence.end - sentence.begin);
    findDatesAndQuantities(text, context, analysis.dates.emplace_back(),
                           analysis.quantities.emplace_back());
  }
  analysis.relations = relations_.extract(article, analysis);
  analysis.events = events_.extract(article, analysis);
  return analysis;
}

graph::VertexId Pipeline::ensureKnownEntity(graph::KnowledgeGraph& graph,
                                            const ontology::EntityRecord& entity) const {
  if (auto found = graph.findEntity(entity.id)) return *found;
  graph::EntityNode node;
  node.id = entity.id;
  node.cls = entity.cls;
  node.label = entity.labelFr;
  node.labelEn = entity.labelEn;
  node.aliases = entity.aliases;
  node.aliases.insert(node.aliases.end(), entity.exactAliases.begin(), entity.exactAliases.end());
  node.lat = entity.lat;
  node.lon = entity.lon;
  node.wikidata = entity.wikidata;
  node.known = true;
  return graph.ensureEntity(node);
}

IngestOutcome Pipeline::ingest(const Article& article, graph::KnowledgeGraph& graph) const {
  std::uint64_t hash = contentHash(article);
  IngestOutcome outcome = IngestOutcome::kAdded;
  if (auto existing = graph.findArticle(article.doc)) {
    if (graph.article(*existing).contentHash == hash) return IngestOutcome::kUnchanged;
    graph.removeArticle(*existing);
    outcome = IngestOutcome::kReplaced;
  }
  DocumentAnalysis analysis = analyze(article);
  graph::ArticleId id = graph.addArticle(graph::ArticleRecord{
      article.doc, article.title, article.url, article.source, article.date, hash, false});

  // The vertices of the entities this article names: most mentions repeat an entity, and a
  // short list of them is cheaper than a lookup in the whole graph's index.
  std::vector<std::pair<std::string_view, graph::VertexId>> vertices;
  auto vertexOf = [&](std::string_view entity) -> std::optional<graph::VertexId> {
    for (const auto& [known, vertex] : vertices) {
      if (known == entity) return vertex;
    }
    return graph.findEntity(entity);
  };
  const Recognition& found = analysis.recognition;
  for (const Mention& mention : found.mentions) {
    graph::VertexId vertex;
    auto seen = std::find_if(vertices.begin(), vertices.end(),
                             [&](const auto& entry) { return entry.first == mention.entity; });
    if (seen != vertices.end()) {
      graph.addMention(seen->second,
                       graph::MentionRef{id, mention.sentence, mention.begin, mention.end});
      continue;
    }
    if (const ontology::EntityRecord* known = ontology_.findEntity(mention.entity)) {
      vertex = ensureKnownEntity(graph, *known);
    } else {
      graph::EntityNode node;
      node.id = mention.entity;
      for (const DiscoveredEntity& d : found.discovered) {
        if (d.id != mention.entity) continue;
        node.cls = d.cls;
        node.label = d.label;
        node.aliases = d.aliases;
      }
      if (node.cls.empty()) node.cls = "Actor";
      if (node.label.empty()) node.label = mention.entity;
      vertex = graph.ensureEntity(node);
    }
    vertices.emplace_back(mention.entity, vertex);
    graph.addMention(vertex, graph::MentionRef{id, mention.sentence, mention.begin, mention.end});
  }
  for (const auto& [entity, alias] : found.learnedAliases) {
    if (auto vertex = graph.findEntity(entity)) graph.addAlias(*vertex, alias);
  }
  for (const ExtractedRelation& r : analysis.relations) {
    auto subject = vertexOf(r.subject);
    auto object = vertexOf(r.object);
    const ontology::RelationType* type = ontology_.findRelationType(r.predicate);
    if (!subject || !object || type == nullptr) continue;
    graph::Evidence evidence;
    evidence.article = id;
    evidence.sentence = r.sentence;
    evidence.begin = r.begin;
    evidence.end = r.end;
    evidence.quote = common::toNfc(std::string_view(article.text).substr(r.begin, r.end - r.begin));
    evidence.date = r.date;
    evidence.status = r.status;
    evidence.source = r.source;
    evidence.place = r.place;
    evidence.confidence = r.confidence;
    graph.addEvidence(*subject, r.predicate, *object, type->symmetric, std::move(evidence));
  }
  for (const ExtractedEvent& event : analysis.events) addEvent(article, id, event, graph);
  return outcome;
}

std::string Pipeline::eventId(const std::string& doc, std::uint32_t sentence) {
  return common::slugify("event-" + doc + "-" + std::to_string(sentence));
}

void Pipeline::addEvent(const Article& article, graph::ArticleId id, const ExtractedEvent& event,
                        graph::KnowledgeGraph& graph) const {
  graph::EventDetails details;
  details.type = event.type;
  details.subType = event.subType;
  details.date = event.date;
  details.fatalities = event.fatalities;
  details.evidence.article = id;
  details.evidence.sentence = event.sentence;
  details.evidence.begin = event.begin;
  details.evidence.end = event.end;
  details.evidence.quote =
      common::toNfc(std::string_view(article.text).substr(event.begin, event.end - event.begin));
  details.evidence.date = event.date;
  details.evidence.place = event.location;
  details.evidence.confidence = std::round(event.confidence * 100) / 100;
  details.evidence.status = event.status;
  details.evidence.source = event.source;

  graph::EntityNode node;
  node.id = eventId(article.doc, event.sentence);
  node.cls = "Event";
  node.label = event.subType;
  if (const ontology::EntityRecord* place = ontology_.findEntity(event.location)) {
    node.label += ", " + place->labelFr;
    node.lat = place->lat;
    node.lon = place->lon;
  }
  if (event.date) node.label += ", " + event.date->toString();
  graph::VertexId vertex = graph.ensureEntity(node);
  graph.setEvent(vertex, details);
  graph.addMention(vertex, graph::MentionRef{id, event.sentence, event.begin, event.end});

  const std::pair<const char*, const std::string*> roles[] = {
      {"ACTOR1", &event.actor1}, {"ACTOR2", &event.actor2}, {"OCCURRED_IN", &event.location}};
  for (const auto& [role, entity] : roles) {
    auto target = entity->empty() ? std::nullopt : graph.findEntity(*entity);
    if (!target) {
      if (const ontology::EntityRecord* known = ontology_.findEntity(*entity)) {
        target = ensureKnownEntity(graph, *known);
      }
    }
    if (target) graph.addEvidence(vertex, role, *target, false, details.evidence);
  }
}

void Pipeline::addBackgroundFacts(graph::KnowledgeGraph& graph) const {
  for (const ontology::BackgroundFact& fact : ontology_.facts()) {
    auto subject = graph.findEntity(fact.subject);
    auto object = graph.findEntity(fact.object);
    if (!subject && !object) continue;
    const ontology::EntityRecord* s = ontology_.findEntity(fact.subject);
    const ontology::EntityRecord* o = ontology_.findEntity(fact.object);
    const ontology::RelationType* type = ontology_.findRelationType(fact.predicate);
    if (s == nullptr || o == nullptr || type == nullptr) continue;
    graph::Evidence evidence;  // no article: the ontology is the source
    graph.addEvidence(ensureKnownEntity(graph, *s), fact.predicate, ensureKnownEntity(graph, *o),
                      type->symmetric, std::move(evidence));
  }
}

}  // namespace newsgraph::ingest
