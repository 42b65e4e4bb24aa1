// From an RdfDocument to the knowledge graph: the model of docs/RDF.md read backwards.
// Order matters for an equal round trip: articles, then entities in document order, then
// mentions, then statements in document order, then direct triples no statement explains.
#include "newsgraph/export/rdf_import.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <tuple>
#include <unordered_map>

#include "newsgraph/common/text.h"
#include "rdf_document.h"
#include "rdf_import_terms.h"
#include "rdf_vocabulary.h"

namespace newsgraph::exporter {
namespace {

using rdf::first;
using rdf::join;
using rdf::literalIn;
using rdf::localName;
using rdf::NgPredicates;
using rdf::parseDate;
using rdf::parseNumber;
using rdf::Predicates;
using rdf::RdfDocument;
using rdf::Resource;
using rdf::startsWith;
using rdf::Value;

class Importer {
 public:
  Importer(const RdfDocument& document, const ontology::Ontology& ontology,
           const RdfImportOptions& options, std::string name)
      : d_(document),
        ontology_(ontology),
        name_(std::move(name)),
        base_(options.base),
        p_(document),
        ng_(document, {options.base + std::string(rdf::kOntologyPath),
                       "http://example.org/newsgraph/ontology#"}) {
    for (const std::string& ns : {options.base + std::string(rdf::kOntologyPath),
                                  std::string("http://example.org/newsgraph/ontology#")}) {
      for (const ontology::EntityClass& cls : ontology.classes())
        classes_[ns + cls.name] = cls.name;
      for (const ontology::RelationType& type : ontology.relationTypes()) {
        std::string property = type.property.empty() ? rdf::camelCase(type.name) : type.property;
        properties_[ns + rdf::encoded(property)] = &type;
      }
      for (const ontology::EventType& type : ontology.eventTypes())
        eventTypes_[ns + type.name] = &type;
      statusNs_.push_back(ns);
    }
    for (const ontology::EntityRecord& entity : ontology.entities()) {
      if (!entity.wikidata.empty()) wikidataIds_[entity.wikidata] = entity.id;
    }
    entityPrefix_ = base_ + std::string(rdf::kEntityPath);
    articlePrefix_ = base_ + std::string(rdf::kArticlePath);
    ontologyIri_ = base_ + std::string(rdf::kOntologyIri);
  }

  RdfImportSummary merge(graph::KnowledgeGraph& g) {
    RdfImportSummary summary;
    summary.triples = d_.triples();
    classify();
    for (const Resource* r : articles_) {
      articleFor(*r, g);
      ++summary.articles;
    }
    for (const Resource* r : entities_) {
      if (addEntity(*r, g)) ++summary.entities;
    }
    for (const Resource& r : d_.resources()) {
      if (first(r, ng_.mentionOf) != nullptr) summary.mentions += addMention(r, g);
    }
    for (const Resource& r : d_.resources()) {
      if (first(r, p_.subject) != nullptr && first(r, p_.predicate) != nullptr &&
          first(r, p_.object) != nullptr)
        summary.evidence += addStatement(r, g);
    }
    for (const Resource* r : entities_) summary.evidence += addDirectTriples(*r, g);
    summary.events = events_;
    summary.warnings = std::move(warnings_);
    return summary;
  }

 private:
  // Sorts resources into articles and entities (events included), giving entities their ids.
  void classify() {
    for (const Resource& r : d_.resources()) {
      bool article = false;
      std::vector<std::string> classes;
      for (const auto& property : r.properties) {
        if (property.predicate != p_.type) continue;
        const std::string& type = property.object.text;
        if (type == join(rdf::kSchema, "NewsArticle") || type == "https://schema.org/NewsArticle") {
          article = true;
        } else if (auto cls = classes_.find(type); cls != classes_.end()) {
          classes.push_back(cls->second);
        }
      }
      if (article) {
        articles_.push_back(&r);
        continue;
      }
      if (classes.empty()) continue;
      std::string cls = mostSpecific(classes);
      std::string id = idForDescribed(r);
      if (id.empty()) {
        warn("resource <" + r.key + "> has no label or name to make an id from; skipped");
        continue;
      }
      ids_[r.key] = id;
      classOf_[r.key] = cls;
      entities_.push_back(&r);
    }
  }

  std::string mostSpecific(const std::vector<std::string>& classes) const {
    for (const std::string& c : classes) {
      bool hasSubclass = false;
      for (const std::string& other : classes) {
        if (other != c && ontology_.isSubclassOf(other, c)) hasSubclass = true;
      }
      if (!hasSubclass) return c;
    }
    return classes.front();
  }

  // The id of a described entity: from our IRI, else the Wikidata twin in the gazetteer, else
  // the slug of its French label (SPEC 1), else the slug of its IRI's last segment.
  std::string idForDescribed(const Resource& r) const {
    if (startsWith(r.key, entityPrefix_))
      return rdf::decodeSegment(r.key.substr(entityPrefix_.size()));
    if (const Value* same = first(r, p_.sameAs); same != nullptr) {
      auto twin = wikidataIds_.find(wikidataOf(*same));
      if (twin != wikidataIds_.end()) return twin->second;
    }
    for (const Value* label : {literalIn(r, p_.prefLabel, "fr"), literalIn(r, p_.label, "fr"),
                               literalIn(r, p_.prefLabel, ""), literalIn(r, p_.label, "")}) {
      if (label != nullptr) {
        std::string slug = common::slugify(label->text);
        if (!slug.empty()) return slug;
      }
    }
    if (r.key.rfind("_:", 0) == 0) return {};
    return common::slugify(rdf::decodeSegment(localName(r.key)));
  }

  // The entity id an IRI names, or "" when it names none.
  std::string idOf(const Value* value) const {
    if (value == nullptr || value->kind == Value::Kind::kLiteral) return {};
    if (auto found = ids_.find(value->text); found != ids_.end()) return found->second;
    if (startsWith(value->text, entityPrefix_)) {
      return rdf::decodeSegment(std::string_view(value->text).substr(entityPrefix_.size()));
    }
    return {};
  }

  std::string wikidataOf(const Value& value) const {
    for (std::string_view ns :
         {rdf::kWikidata, std::string_view("https://www.wikidata.org/entity/")}) {
      if (startsWith(value.text, ns))
        return rdf::decodeSegment(std::string_view(value.text).substr(ns.size()));
    }
    return {};
  }

  // ---------------------------------------------------------------- articles
  std::string docOf(const Resource& r) const {
    if (const Value* id = first(r, p_.identifier);
        id != nullptr && id->kind == Value::Kind::kLiteral)
      return id->text;
    return docOfIri(r.key);
  }
  std::string docOfIri(std::string_view iri) const {
    if (startsWith(iri, articlePrefix_))
      return rdf::decodeSegment(iri.substr(articlePrefix_.size()));
    return rdf::decodeSegment(localName(iri));
  }

  graph::ArticleId articleFor(const Resource& r, graph::KnowledgeGraph& g) {
    std::string doc = docOf(r);
    graph::ArticleId id;
    if (auto existing = g.findArticle(doc)) {
      id = *existing;
    } else {
      graph::ArticleRecord record;
      record.doc = doc;
      if (const Value* title = first(r, p_.headline)) record.title = title->text;
      if (const Value* url = first(r, p_.url)) record.url = url->text;
      record.date = parseDate(first(r, p_.datePublished));
      if (const Value* hash = first(r, ng_.contentHash)) {
        std::uint64_t value = 0;
        auto result =
            std::from_chars(hash->text.data(), hash->text.data() + hash->text.size(), value, 16);
        if (result.ec == std::errc()) record.contentHash = value;
      }
      id = g.addArticle(std::move(record));
    }
    articleIds_[r.key] = id;
    return id;
  }

  // The article an evidence item comes from: nullopt for the ontology (background facts) or
  // when `value` is absent.
  std::optional<graph::ArticleId> articleOf(const Value* value, graph::KnowledgeGraph& g) {
    if (value == nullptr || value->kind == Value::Kind::kLiteral) return std::nullopt;
    if (value->text == ontologyIri_) return std::nullopt;
    if (auto found = articleIds_.find(value->text); found != articleIds_.end())
      return found->second;
    std::string doc = docOfIri(value->text);
    graph::ArticleId id;
    if (auto existing = g.findArticle(doc)) {
      id = *existing;
    } else {
      graph::ArticleRecord record;
      record.doc = doc;
      id = g.addArticle(std::move(record));
    }
    articleIds_[value->text] = id;
    return id;
  }

  // ---------------------------------------------------------------- entities and events
  bool addEntity(const Resource& r, graph::KnowledgeGraph& g) {
    graph::EntityNode node;
    node.id = ids_[r.key];
    node.cls = classOf_[r.key];
    if (const Value* v = literalIn(r, p_.prefLabel, "fr"))
      node.label = v->text;
    else if (const Value* l = literalIn(r, p_.label, "fr"))
      node.label = l->text;
    else if (const Value* n = literalIn(r, p_.label, ""))
      node.label = n->text;
    else if (const Value* pn = literalIn(r, p_.prefLabel, ""))
      node.label = pn->text;
    if (const Value* v = literalIn(r, p_.prefLabel, "en"))
      node.labelEn = v->text;
    else if (const Value* l = literalIn(r, p_.label, "en"))
      node.labelEn = l->text;
    if (p_.altLabel != UINT32_MAX) {
      for (const auto& property : r.properties) {
        if (property.predicate != p_.altLabel || property.object.kind != Value::Kind::kLiteral)
          continue;
        if (property.object.language == "en") continue;
        const std::string& alias = property.object.text;
        bool seen = false;
        for (const std::string& a : node.aliases) seen = seen || a == alias;
        if (!seen) node.aliases.push_back(alias);
      }
    }
    if (const Value* same = first(r, p_.sameAs)) node.wikidata = wikidataOf(*same);
    readCoordinates(r, node);
    node.known = ontology_.findEntity(node.id) != nullptr;
    graph::VertexId vertex = g.ensureEntity(node);
    if (node.cls == "Event") {
      g.setEvent(vertex, eventOf(r, g));
      ++events_;
    }
    return true;
  }

  void readCoordinates(const Resource& r, graph::EntityNode& node) const {
    const Value* lat = first(r, p_.lat);
    const Value* lon = first(r, p_.lon);
    if (lat != nullptr && lon != nullptr) {
      node.lat = parseNumber<double>(lat->text);
      node.lon = parseNumber<double>(lon->text);
      if (node.lat && node.lon) return;
    }
    node.lat.reset();
    node.lon.reset();
    // GeoSPARQL alone: "POINT(lon lat)".
    const Value* geometry = first(r, p_.hasGeometry);
    const Resource* shape = geometry != nullptr ? d_.find(geometry->text) : nullptr;
    const Value* wkt = shape != nullptr ? first(*shape, p_.asWkt) : nullptr;
    if (wkt == nullptr) return;
    std::string_view text = wkt->text;
    std::size_t open = text.find('(');
    std::size_t close = text.find(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    std::size_t space = inside.find(' ');
    if (space == std::string_view::npos) return;
    auto x = parseNumber<double>(inside.substr(0, space));
    auto y = parseNumber<double>(inside.substr(space + 1));
    if (x && y) {
      node.lon = x;
      node.lat = y;
    }
  }

  graph::EventDetails eventOf(const Resource& r, graph::KnowledgeGraph& g) {
    graph::EventDetails event;
    if (const Value* v = first(r, ng_.acledEventType)) event.type = v->text;
    if (const Value* v = first(r, ng_.acledSubEventType)) event.subType = v->text;
    if (const Value* v = first(r, ng_.eventType); v != nullptr && event.type.empty()) {
      if (auto type = eventTypes_.find(v->text); type != eventTypes_.end()) {
        event.type = type->second->acledType;
        event.subType = type->second->acledSubType;
      }
    }
    event.date = parseDate(first(r, ng_.date));
    if (const Value* v = first(r, ng_.fatalities)) event.fatalities = parseNumber<long>(v->text);
    const Value* evidence = first(r, ng_.evidence);
    const Resource* node = evidence != nullptr ? d_.find(evidence->text) : nullptr;
    event.evidence = evidenceOf(node != nullptr ? *node : r, g);
    return event;
  }

  // ---------------------------------------------------------------- provenance
  graph::Evidence evidenceOf(const Resource& r, graph::KnowledgeGraph& g) {
    graph::Evidence ev;
    if (const Value* status = first(r, ng_.status)) {
      std::string name = localName(status->text);
      for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      if (auto parsed = graph::parseStatus(name)) ev.status = *parsed;
    }
    ev.source = idOf(first(r, ng_.statedBy));
    ev.date = parseDate(first(r, ng_.date));
    ev.place = idOf(first(r, ng_.place));
    if (const Value* v = first(r, ng_.confidence)) {
      if (auto c = parseNumber<double>(v->text)) ev.confidence = *c;
    }
    ev.article = articleOf(first(r, p_.derivedFrom), g);
    if (const Value* v = first(r, ng_.quote)) ev.quote = v->text;
    if (const Value* v = first(r, ng_.sentence))
      ev.sentence = parseNumber<std::uint32_t>(v->text).value_or(0);
    if (const Value* v = first(r, ng_.start))
      ev.begin = parseNumber<std::uint32_t>(v->text).value_or(0);
    if (const Value* v = first(r, ng_.end))
      ev.end = parseNumber<std::uint32_t>(v->text).value_or(0);
    return ev;
  }

  std::size_t addMention(const Resource& r, graph::KnowledgeGraph& g) {
    std::string id = idOf(first(r, ng_.mentionOf));
    auto vertex = vertexFor(id, g);
    auto article = articleOf(first(r, p_.derivedFrom), g);
    if (!vertex || !article) {
      warn("mention <" + r.key + "> names no known entity or no article; skipped");
      return 0;
    }
    graph::MentionRef mention;
    mention.article = *article;
    if (const Value* v = first(r, ng_.sentence))
      mention.sentence = parseNumber<std::uint32_t>(v->text).value_or(0);
    if (const Value* v = first(r, ng_.start))
      mention.begin = parseNumber<std::uint32_t>(v->text).value_or(0);
    if (const Value* v = first(r, ng_.end))
      mention.end = parseNumber<std::uint32_t>(v->text).value_or(0);
    for (const graph::MentionRef& m : g.entity(*vertex).mentions) {
      if (m.article == mention.article && m.begin == mention.begin && m.end == mention.end &&
          m.sentence == mention.sentence)
        return 0;  // already there: importing twice changes nothing
    }
    g.addMention(*vertex, mention);
    return 1;
  }

  // The vertex of an entity id: in the graph, else created from the gazetteer.
  std::optional<graph::VertexId> vertexFor(const std::string& id, graph::KnowledgeGraph& g) {
    if (id.empty()) return std::nullopt;
    if (auto found = g.findEntity(id)) return found;
    if (const ontology::EntityRecord* known = ontology_.findEntity(id)) {
      graph::EntityNode node;
      node.id = known->id;
      node.cls = known->cls;
      node.label = known->labelFr;
      node.labelEn = known->labelEn;
      node.aliases = known->aliases;
      node.lat = known->lat;
      node.lon = known->lon;
      node.wikidata = known->wikidata;
      node.known = true;
      return g.ensureEntity(node);
    }
    return std::nullopt;
  }

  std::size_t addStatement(const Resource& r, graph::KnowledgeGraph& g) {
    const Value* property = first(r, p_.predicate);
    auto type = properties_.find(property->text);
    if (type == properties_.end()) {
      warn("statement <" + r.key + "> has predicate <" + property->text +
           ">, which is no relation type of the ontology; skipped");
      return 0;
    }
    auto s = vertexFor(idOf(first(r, p_.subject)), g);
    auto o = vertexFor(idOf(first(r, p_.object)), g);
    if (!s || !o) {
      warn("statement <" + r.key + "> links a resource that is no entity; skipped");
      return 0;
    }
    const ontology::RelationType& relation = *type->second;
    covered_.insert(key(*s, relation, *o));
    return addEvidenceOnce(g, *s, relation, *o, evidenceOf(r, g));
  }

  // Adds evidence unless the edge already holds the same (same article and offsets, or both
  // without article): importing a file twice changes nothing. Returns 1 when added.
  static std::size_t addEvidenceOnce(graph::KnowledgeGraph& g, graph::VertexId s,
                                     const ontology::RelationType& relation, graph::VertexId o,
                                     graph::Evidence ev) {
    if (relation.symmetric && g.entity(o).id < g.entity(s).id) std::swap(s, o);
    for (graph::EdgeId edge : g.outEdges(s)) {
      const graph::RelationEdge& existing = g.relation(edge);
      if (existing.object != o || existing.type != relation.name) continue;
      for (const graph::Evidence& old : existing.evidence) {
        if (old.article == ev.article && old.begin == ev.begin && old.end == ev.end &&
            old.sentence == ev.sentence)
          return 0;
      }
    }
    g.addEvidence(s, relation.name, o, relation.symmetric, std::move(ev));
    return 1;
  }

  // Direct triples that no statement node explains: third-party data, or --no-provenance
  // exports. They become evidence without an article, like the ontology's background facts.
  std::size_t addDirectTriples(const Resource& r, graph::KnowledgeGraph& g) {
    std::size_t added = 0;
    for (const auto& property : r.properties) {
      auto type = properties_.find(d_.predicateIri(property.predicate));
      if (type == properties_.end() || property.object.kind == Value::Kind::kLiteral) continue;
      const ontology::RelationType& relation = *type->second;
      auto s = vertexFor(ids_[r.key], g);
      auto o = vertexFor(idOf(&property.object), g);
      if (!s || !o) {
        warn("<" + r.key + "> " + relation.name + " <" + property.object.text +
             ">: the object is no entity; skipped");
        continue;
      }
      if (covered_.count(key(*s, relation, *o)) != 0) continue;
      covered_.insert(key(*s, relation, *o));
      added += addEvidenceOnce(g, *s, relation, *o, graph::Evidence{});
    }
    return added;
  }

  static std::tuple<graph::VertexId, std::string, graph::VertexId> key(
      graph::VertexId s, const ontology::RelationType& relation, graph::VertexId o) {
    if (relation.symmetric && o < s) std::swap(s, o);
    return {s, relation.name, o};
  }

  void warn(std::string message) { warnings_.push_back(name_ + ": import warning: " + message); }

  const RdfDocument& d_;
  const ontology::Ontology& ontology_;
  std::string name_;
  std::string base_;
  Predicates p_;
  NgPredicates ng_;
  std::unordered_map<std::string, std::string> classes_;  // class IRI -> class name
  std::unordered_map<std::string, const ontology::RelationType*> properties_;
  std::unordered_map<std::string, const ontology::EventType*> eventTypes_;
  std::unordered_map<std::string, std::string> wikidataIds_;  // Q-id -> gazetteer id
  std::vector<std::string> statusNs_;
  std::string entityPrefix_, articlePrefix_, ontologyIri_;
  std::vector<const Resource*> articles_, entities_;
  std::unordered_map<std::string, std::string> ids_;      // resource key -> entity id
  std::unordered_map<std::string, std::string> classOf_;  // resource key -> class name
  std::unordered_map<std::string, graph::ArticleId> articleIds_;
  std::set<std::tuple<graph::VertexId, std::string, graph::VertexId>> covered_;
  std::vector<std::string> warnings_;
  std::size_t events_ = 0;
};

common::Result<RdfImportSummary> mergeDocument(common::Result<RdfDocument> document,
                                               const std::string& name,
                                               const ontology::Ontology& ontology,
                                               graph::KnowledgeGraph& graph,
                                               const RdfImportOptions& options) {
  if (!document) return document.error();
  if (auto base = checkBaseIri(options.base); !base) return base.error();
  return Importer(document.value(), ontology, options, name).merge(graph);
}

}  // namespace

common::Result<RdfImportSummary> importRdf(const std::string& path,
                                           const ontology::Ontology& ontology,
                                           graph::KnowledgeGraph& graph,
                                           const RdfImportOptions& options) {
  RdfSyntax syntax = options.syntax.value_or(rdfSyntaxOfPath(path).value_or(RdfSyntax::kTurtle));
  std::ifstream in(path, std::ios::binary);
  if (!in) return common::Error{path, 0, 0, "import", std::strerror(errno)};
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return common::Error{path, 0, 0, "import", "read failed"};
  return mergeDocument(RdfDocument::read(text, path, syntax), path, ontology, graph, options);
}

common::Result<RdfImportSummary> importRdfText(const std::string& text, const std::string& name,
                                               const ontology::Ontology& ontology,
                                               graph::KnowledgeGraph& graph,
                                               const RdfImportOptions& options) {
  RdfSyntax syntax = options.syntax.value_or(RdfSyntax::kTurtle);
  return mergeDocument(RdfDocument::read(text, name, syntax), name, ontology, graph, options);
}

}  // namespace newsgraph::exporter
