// Differential test: the same questions to newsgraph (`newsgraph query`) and to Kuzu, an
// embedded Cypher database, over the graph of samples/ (written by the CLI as node and edge
// CSV), and the rows must agree. Kuzu has no class hierarchy and one relationship table, so
// its side of a pair says `n.class IN [...]` where newsgraph says `n:Label`, and
// `r.type = 'X'` where newsgraph says `[:X]`.
// Usage: node differential_test.mjs NEWSGRAPH_BINARY STORE WORKDIR
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import kuzu from "kuzu";

const [binary, store, workdir] = process.argv.slice(2);
mkdirSync(workdir, { recursive: true });

function newsgraph(query, format = "json") {
  const out = execFileSync(binary, ["query", "--db", store, "--format", format, query], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  return format === "json" ? JSON.parse(out) : out;
}

// The graph as CSV, written by newsgraph itself. Relations once, in their stored direction.
const nodesCsv = path.join(workdir, "nodes.csv");
const edgesCsv = path.join(workdir, "edges.csv");
writeFileSync(nodesCsv, newsgraph(
  "MATCH (n) RETURN n.id AS id, n.class AS class, n.label AS label, n.mentions AS mentions", "csv"));
writeFileSync(edgesCsv, newsgraph(
  "MATCH (a)-[r]->(b) WHERE startNode(r) = a " +
  "RETURN a.id AS src, b.id AS dst, type(r) AS type, r.sources AS sources, " +
  "toString(r.date) AS date, r.status AS status", "csv"));

const db = new kuzu.Database(path.join(workdir, "kuzu.db"));
const conn = new kuzu.Connection(db);
async function kz(query) {
  const result = await conn.query(query);
  return result.getAll();
}
await kz("CREATE NODE TABLE Entity(id STRING, class STRING, label STRING, mentions INT64, PRIMARY KEY(id))");
await kz("CREATE REL TABLE R(FROM Entity TO Entity, type STRING, sources INT64, date STRING, status STRING)");
await kz(`COPY Entity FROM '${nodesCsv}' (header=true)`);
await kz(`COPY R FROM '${edgesCsv}' (header=true)`);

const armed = "['ArmedGroup', 'JihadistGroup', 'RebelGroup', 'Militia']";
const actor = "['Actor', 'Country', 'ArmedForces', 'MilitaryOperation', 'PrivateMilitaryCompany', " +
  "'ArmedGroup', 'JihadistGroup', 'RebelGroup', 'Militia', 'InternationalOrganization', " +
  "'PeacekeepingMission', 'Organization', 'Person']";
const place = "['Place', 'Country', 'Region', 'Town']";

// [what, newsgraph query, kuzu query]
const cases = [
  ["count nodes", "MATCH (n) RETURN count(*) AS n", "MATCH (n:Entity) RETURN count(*) AS n"],
  ["count relations", "MATCH (a)-[r]->(b) WHERE startNode(r) = a RETURN count(*) AS n",
    "MATCH (a)-[r:R]->(b) RETURN count(*) AS n"],
  ["one node", "MATCH (n {id: 'wagner'}) RETURN n.label, n.class",
    "MATCH (n:Entity {id: 'wagner'}) RETURN n.label, n.class"],
  ["label with subclasses", "MATCH (g:ArmedGroup) RETURN g.id",
    `MATCH (g:Entity) WHERE g.class IN ${armed} RETURN g.id`],
  ["towns", "MATCH (t:Town) RETURN t.id, t.mentions", "MATCH (t:Entity) WHERE t.class = 'Town' RETURN t.id, t.mentions"],
  ["supporters of FAMa", "MATCH (a)-[:SUPPORTS]->(f {id: 'fama'}) RETURN a.id",
    "MATCH (a:Entity)-[r:R]->(f:Entity {id: 'fama'}) WHERE r.type = 'SUPPORTS' RETURN a.id"],
  ["type alternatives", "MATCH (a)-[r:ATTACKS|CAPTURES]->(b) RETURN a.id, type(r), b.id",
    "MATCH (a:Entity)-[r:R]->(b:Entity) WHERE r.type IN ['ATTACKS', 'CAPTURES'] RETURN a.id, r.type, b.id"],
  ["either direction", "MATCH (a {id: 'kidal'})-[r]-(b) RETURN b.id, type(r)",
    "MATCH (a:Entity {id: 'kidal'})-[r:R]-(b:Entity) RETURN b.id, r.type"],
  ["incoming", "MATCH (a)<-[r]-(b {id: 'fama'}) RETURN a.id, type(r)",
    "MATCH (a:Entity)<-[r:R]-(b:Entity {id: 'fama'}) RETURN a.id, r.type"],
  ["relations per type", "MATCH (a)-[r]->(b) WHERE startNode(r) = a RETURN type(r) AS t, count(*) AS n",
    "MATCH (a:Entity)-[r:R]->(b:Entity) RETURN r.type AS t, count(*) AS n"],
  ["degree ranking", "MATCH (a)-[r]-(b) RETURN a.id AS id, count(r) AS d ORDER BY d DESC, id LIMIT 10",
    "MATCH (a:Entity)-[r:R]-(b:Entity) RETURN a.id AS id, count(r) AS d ORDER BY d DESC, id LIMIT 10"],
  ["two hops", "MATCH (a {id: 'wagner'})-[r1]->(b)-[r2]->(c) WHERE startNode(r1) = a AND startNode(r2) = b RETURN b.id, c.id",
    "MATCH (a:Entity {id: 'wagner'})-[r1:R]->(b:Entity)-[r2:R]->(c:Entity) RETURN b.id, c.id"],
  ["located in, two levels", "MATCH (a:Town)-[:LOCATED_IN]->(b)-[:LOCATED_IN]->(c) RETURN a.id, b.id, c.id",
    "MATCH (a:Entity)-[r1:R]->(b:Entity)-[r2:R]->(c:Entity) WHERE a.class = 'Town' AND r1.type = 'LOCATED_IN' AND r2.type = 'LOCATED_IN' RETURN a.id, b.id, c.id"],
  ["where string ops", "MATCH (n) WHERE n.id STARTS WITH 'ka' OR n.label CONTAINS 'Sahel' RETURN n.id",
    "MATCH (n:Entity) WHERE n.id STARTS WITH 'ka' OR n.label CONTAINS 'Sahel' RETURN n.id"],
  ["ends with", "MATCH (n) WHERE n.id ENDS WITH 'al' RETURN n.id", "MATCH (n:Entity) WHERE n.id ENDS WITH 'al' RETURN n.id"],
  ["in list", "MATCH (n) WHERE n.id IN ['gao', 'kidal', 'bamako', 'nowhere'] RETURN n.id, n.class",
    "MATCH (n:Entity) WHERE n.id IN ['gao', 'kidal', 'bamako', 'nowhere'] RETURN n.id, n.class"],
  ["numeric filter", "MATCH (n) WHERE n.mentions >= 10 RETURN n.id, n.mentions",
    "MATCH (n:Entity) WHERE n.mentions >= 10 RETURN n.id, n.mentions"],
  ["not", "MATCH (n:Country) WHERE NOT n.id IN ['mali', 'france'] RETURN n.id",
    "MATCH (n:Entity) WHERE n.class = 'Country' AND NOT n.id IN ['mali', 'france'] RETURN n.id"],
  ["distinct", "MATCH (a)-[r]->(b:Town) WHERE startNode(r) = a RETURN DISTINCT type(r) AS t",
    "MATCH (a:Entity)-[r:R]->(b:Entity) WHERE b.class = 'Town' RETURN DISTINCT r.type AS t"],
  ["collect distinct", "MATCH (a:ArmedGroup)-[r]->(b) WHERE startNode(r) = a RETURN a.id, count(DISTINCT b) AS n",
    `MATCH (a:Entity)-[r:R]->(b:Entity) WHERE a.class IN ${armed} RETURN a.id, count(DISTINCT b) AS n`],
  ["min max", "MATCH (n:Town) RETURN min(n.mentions) AS lo, max(n.mentions) AS hi, sum(n.mentions) AS total",
    "MATCH (n:Entity) WHERE n.class = 'Town' RETURN min(n.mentions) AS lo, max(n.mentions) AS hi, sum(n.mentions) AS total"],
  ["order skip limit", "MATCH (n:Actor) RETURN n.id ORDER BY n.mentions DESC, n.id SKIP 2 LIMIT 5",
    `MATCH (n:Entity) WHERE n.class IN ${actor} RETURN n.id ORDER BY n.mentions DESC, n.id SKIP 2 LIMIT 5`],
  ["variable length", "MATCH (t {id: 'tessalit'})-[:LOCATED_IN*1..3]->(p) RETURN DISTINCT p.id",
    "MATCH (t:Entity {id: 'tessalit'})-[r:R*1..3 (e, n | WHERE e.type = 'LOCATED_IN')]->(p:Entity) RETURN DISTINCT p.id"],
  ["optional match", "MATCH (t:Town) OPTIONAL MATCH (a)-[:CAPTURES]->(t) RETURN t.id, a.id",
    "MATCH (t:Entity) WHERE t.class = 'Town' OPTIONAL MATCH (a:Entity)-[r:R]->(t) WHERE r.type = 'CAPTURES' RETURN t.id, a.id"],
  ["two patterns", "MATCH (a)-[:SUPPORTS]->(f), (j:JihadistGroup)-[:ATTACKS]->(f) RETURN DISTINCT a.id, f.id, j.id",
    "MATCH (a:Entity)-[r1:R]->(f:Entity), (j:Entity)-[r2:R]->(f) WHERE r1.type = 'SUPPORTS' AND r2.type = 'ATTACKS' AND j.class = 'JihadistGroup' RETURN DISTINCT a.id, f.id, j.id"],
  ["status", "MATCH (a)-[r]->(b) WHERE startNode(r) = a AND r.status <> 'asserted' RETURN a.id, type(r), b.id, r.status",
    "MATCH (a:Entity)-[r:R]->(b:Entity) WHERE r.status <> 'asserted' RETURN a.id, r.type, b.id, r.status"],
  ["dated in 2023", "MATCH (a)-[r]->(b) WHERE startNode(r) = a AND toString(r.date) STARTS WITH '2023-11' RETURN a.id, type(r), b.id",
    "MATCH (a:Entity)-[r:R]->(b:Entity) WHERE r.date STARTS WITH '2023-11' RETURN a.id, r.type, b.id"],
  ["sources", "MATCH (a)-[r]->(b) WHERE startNode(r) = a AND r.sources >= 2 RETURN a.id, type(r), b.id, r.sources",
    "MATCH (a:Entity)-[r:R]->(b:Entity) WHERE r.sources >= 2 RETURN a.id, r.type, b.id, r.sources"],
  ["with and filter", "MATCH (a)-[r]->(b) WHERE startNode(r) = a WITH a, count(*) AS n WHERE n >= 5 RETURN a.id, n",
    "MATCH (a:Entity)-[r:R]->(b:Entity) WITH a, count(*) AS n WHERE n >= 5 RETURN a.id, n"],
  ["shortest path length", "MATCH p = shortestPath((a {id: 'france'})-[*..6]-(b {id: 'jnim'})) RETURN length(p) AS hops",
    "MATCH p = (a:Entity {id: 'france'})-[r:R* SHORTEST 1..6]-(b:Entity {id: 'jnim'}) RETURN length(r) AS hops"],
  ["unwind", "UNWIND ['gao', 'kidal'] AS x MATCH (n {id: x}) RETURN x, n.class",
    "UNWIND ['gao', 'kidal'] AS x MATCH (n:Entity {id: x}) RETURN x, n.class"],
];

function normal(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "object" && "id" in value && "label" in value) return value.id;
  return value;
}

let failed = 0;
for (const [what, ours, theirs] of cases) {
  let a, b;
  try {
    a = newsgraph(ours).rows.map((row) => JSON.stringify(row.map(normal)));
    b = (await kz(theirs)).map((row) => JSON.stringify(Object.values(row).map(normal)));
  } catch (error) {
    failed++;
    console.log(`FAIL ${what}: ${error.message.split("\n")[0]}`);
    continue;
  }
  const ordered = /ORDER BY/.test(ours);
  if (!ordered) {
    a.sort();
    b.sort();
  }
  if (JSON.stringify(a) === JSON.stringify(b)) {
    console.log(`PASS ${what}: ${a.length} rows`);
  } else {
    failed++;
    console.log(`FAIL ${what}\n  newsgraph: ${a.slice(0, 8).join(" ")}\n  kuzu:      ${b.slice(0, 8).join(" ")}`);
  }
}
console.log(`${cases.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
