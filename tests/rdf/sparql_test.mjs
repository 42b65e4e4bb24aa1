// SPARQL questions to Oxigraph over newsgraph's Turtle export of samples/.
// Usage: node sparql_test.mjs EXPORT.ttl EXPORT.json
// Each question's expected answer is computed from the JSON export of the same store (a
// second, independent path through the graph), and a few answers are fixed facts of the
// samples and the ontology. Prints each question with its answers, then "N passed, N failed".
import { readFileSync } from 'node:fs';
import oxigraph from 'oxigraph';

const [turtlePath, jsonPath] = process.argv.slice(2);
const store = new oxigraph.Store();
store.load(readFileSync(turtlePath, 'utf8'), { format: 'text/turtle' });
const graph = JSON.parse(readFileSync(jsonPath, 'utf8'));

const NG = 'http://example.org/newsgraph/ontology#';
const ENT = 'http://example.org/newsgraph/entity/';
const PREFIXES = `
PREFIX ng: <${NG}>
PREFIX ent: <${ENT}>
PREFIX art: <http://example.org/newsgraph/article/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX wd: <http://www.wikidata.org/entity/>
`;

// Rows of a SELECT as arrays of strings, one per projected variable in order (IRIs shortened
// to ids and ontology terms; an unbound variable gives "").
function select(query) {
  const head = query.slice(0, query.indexOf('WHERE'));
  const variables = [...head.matchAll(/\?(\w+)/g)].map((m) => m[1]);
  const rows = [];
  for (const binding of store.query(PREFIXES + query)) {
    rows.push(variables.map((v) => {
      const term = binding.get(v);
      return term ? term.value.replace(ENT, '').replace(NG, 'ng:') : '';
    }));
  }
  return rows;
}

const rowsKey = (rows) => rows.map((r) => r.join(' | ')).sort();
let passed = 0;
let failed = 0;
function question(title, query, expected, check = null) {
  const rows = select(query);
  const got = rowsKey(rows);
  const want = expected === null ? null : rowsKey(expected);
  let ok = want === null || JSON.stringify(got) === JSON.stringify(want);
  let why = ok ? '' : `expected ${JSON.stringify(want)}`;
  if (ok && check) {
    const problem = check(rows);
    if (problem) {
      ok = false;
      why = problem;
    }
  }
  console.log(`${ok ? 'PASS' : 'FAIL'} ${title}: ${rows.length} answers`);
  for (const line of got.slice(0, 12)) console.log(`    ${line}`);
  if (got.length > 12) console.log(`    ... ${got.length - 12} more`);
  if (!ok) console.log(`    ${why}`);
  ok ? passed++ : failed++;
}

// ---------------------------------------------------------------- expectations from the JSON
const entityType = new Map(graph.entities.map((e) => [e.id, e.type]));
const placeClasses = new Set(['Place', 'Country', 'Region', 'Town']);
const armedGroupClasses = new Set(['ArmedGroup', 'JihadistGroup', 'RebelGroup', 'Militia']);
const truthy = (r) => r.evidence.some((ev) => ev.status === 'asserted' || ev.status === 'claimed');
const property = (type) =>
  'ng:' + type.toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase());

// 1. Who attacked a place.
question(
  'Who attacked a place (a Place or any subclass)?',
  `SELECT ?attacker ?place WHERE {
     ?attacker ng:attacks ?place . ?place a/rdfs:subClassOf* ng:Place }`,
  graph.relations
    .filter((r) => r.predicate === 'ATTACKS' && placeClasses.has(entityType.get(r.object)) && truthy(r))
    .map((r) => [r.subject, r.object]),
  (rows) => (rows.length > 0 ? null : 'no attack on a place at all'));

// 2. Who supports the Malian armed forces or the Malian state.
question(
  'Who supports FAMa or Mali?',
  `SELECT ?supporter ?supported WHERE {
     VALUES ?supported { ent:fama ent:mali } ?supporter ng:supports ?supported }`,
  graph.relations
    .filter((r) => r.predicate === 'SUPPORTS' && ['fama', 'mali'].includes(r.object) && truthy(r))
    .map((r) => [r.subject, r.object]));

// 3. The evidence and source of one relation: every statement of the first SUPPORTS relation,
//    with its quote, offsets and the article it comes from.
const supports = graph.relations.find((r) => r.predicate === 'SUPPORTS' && r.evidence.some((e) => e.doc));
question(
  `Evidence and source of ${supports.subject} SUPPORTS ${supports.object}?`,
  `SELECT ?doc ?start ?end ?quote WHERE {
     ?st rdf:subject ent:${supports.subject} ; rdf:predicate ng:supports ;
         rdf:object ent:${supports.object} ; prov:wasDerivedFrom ?article ;
         ng:quote ?quote ; ng:start ?start ; ng:end ?end .
     ?article a schema:NewsArticle ; schema:identifier ?doc }`,
  supports.evidence.filter((e) => e.doc).map((e) => [e.doc, String(e.start), String(e.end), e.sentence]));

// 4. Events in a month.
question(
  'Which events happened in November 2023?',
  `SELECT ?event ?subType WHERE {
     ?event a ng:Event ; ng:date ?date ; ng:acledSubEventType ?subType .
     FILTER(STRSTARTS(STR(?date), "2023-11")) }`,
  graph.events.filter((e) => (e.date || '').startsWith('2023-11')).map((e) => [e.id, e.sub_type]));

// 5. Claimed relations and who claims them.
const claimed = [];
for (const r of graph.relations) {
  for (const ev of r.evidence) {
    if (ev.status === 'claimed') claimed.push([r.subject, property(r.predicate), r.object, ev.source || '', ev.doc]);
  }
}
question(
  'Which relations are claimed, and who claims them (when the text says)?',
  `SELECT ?s ?p ?o ?speaker ?doc WHERE {
     ?st ng:status ng:Claimed ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
         prov:wasDerivedFrom/schema:identifier ?doc .
     OPTIONAL { ?st ng:statedBy ?speaker }
     FILTER NOT EXISTS { ?s a ng:Event } }`,  // an event's roles share its status: not relations
  claimed);

// 6. Class membership through rdfs:subClassOf*.
question(
  'Which entities are armed groups (ArmedGroup or a subclass)?',
  `SELECT ?group WHERE { ?group a/rdfs:subClassOf* ng:ArmedGroup }`,
  graph.entities.filter((e) => armedGroupClasses.has(e.type)).map((e) => [e.id]),
  (rows) => {
    const ids = rows.map((r) => r[0]);
    return ['jnim', 'csp', 'mnla'].every((id) => ids.includes(id)) ? null : 'jnim, csp or mnla missing';
  });

// 7. How many articles, and their headlines.
question(
  'Which articles does the graph hold?',
  `SELECT ?doc WHERE { ?a a schema:NewsArticle ; schema:identifier ?doc }`,
  graph.articles.map((a) => [a.doc]),
  (rows) => (rows.length === 14 ? null : 'samples/ has 14 articles'));

// 8. Entities linked to Wikidata.
question(
  'Which entity is Wikidata Q912?',
  `SELECT ?entity ?label WHERE { ?entity owl:sameAs wd:Q912 ; skos:prefLabel ?label .
     FILTER(LANG(?label) = "en") }`,
  [['mali', 'Mali']]);

// 9. The ontology: symmetric relation types.
question(
  'Which relation types are symmetric?',
  `SELECT ?property WHERE { ?property a owl:SymmetricProperty }`,
  [['ng:fights'], ['ng:alliedWith'], ['ng:cooperatesWith']]);

// 10. Deadliest events.
question(
  'Which events killed 20 people or more?',
  `SELECT ?event ?deaths WHERE { ?event ng:fatalities ?deaths . FILTER(?deaths >= 20) }`,
  graph.events.filter((e) => e.fatalities !== null && e.fatalities >= 20).map((e) => [e.id, String(e.fatalities)]));

// 11. Coordinates as GeoSPARQL WKT.
question(
  'Where is Kidal (GeoSPARQL)?',
  `SELECT ?wkt WHERE { ent:kidal geo:hasGeometry/geo:asWKT ?wkt }`,
  [['POINT(1.4078 18.4411)']]);

// 12. Articles that mention an entity.
const wagner = graph.entities.find((e) => e.id === 'wagner');
question(
  'Which articles mention Wagner?',
  `SELECT DISTINCT ?doc WHERE {
     ?m ng:mentionOf ent:wagner ; prov:wasDerivedFrom/schema:identifier ?doc }`,
  wagner.docs.map((d) => [d]));

// 13. Events and their actors, with the ACLED type, in one article's named graph region.
question(
  'Which events had FAMa as first actor, and where?',
  `SELECT ?event ?place WHERE { ?event a ng:Event ; ng:actor1 ent:fama ; ng:occurredIn ?place }`,
  graph.events.filter((e) => e.actor1 === 'fama' && e.location).map((e) => [e.id, e.location]));

// 14. Negated and hypothetical relations have statements but no direct triple.
question(
  'Which relations are stated only as negated or hypothetical (no direct triple)?',
  `SELECT ?s ?p ?o WHERE {
     ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
     FILTER NOT EXISTS { ?s ?p ?o } }`,
  graph.relations.filter((r) => !truthy(r)).map((r) => [r.subject, property(r.predicate), r.object]));

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
