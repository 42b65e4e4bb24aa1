// Kuzu side of bench/query_bench.cpp: the same graph shape (ENTITIES entities, ten random
// relations each, twelve types, month dates) and the same questions, timed per query
// (median wall time of RUNS runs with random ids). PageRank is not measured: Kuzu's algo
// extension is downloaded on first use, and this machine is offline.
// Usage: node bench_kuzu.mjs [ENTITIES] [RUNS]
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import kuzu from "kuzu";

const entities = Number(process.argv[2] ?? 100000);
const runs = Number(process.argv[3] ?? 200);
const types = ["ATTACKS", "FIGHTS", "SUPPORTS", "ALLIED_WITH", "CRITICIZES", "CONTROLS",
  "DEPLOYS_TO", "OPERATES_IN", "MEMBER_OF", "LOCATED_IN", "LEADS", "CAPTURES"];
const classes = ["Town", "Person", "JihadistGroup", "Country", "Organization", "ArmedForces",
  "RebelGroup"];
const actors = "['Country', 'Person', 'JihadistGroup', 'Organization', 'ArmedForces', 'RebelGroup']";

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const dir = mkdtempSync(path.join(tmpdir(), "kuzu-bench-"));
const nodes = ["id,class"];
for (let e = 0; e < entities; ++e) nodes.push(`e${e},${classes[e % classes.length]}`);
writeFileSync(path.join(dir, "nodes.csv"), nodes.join("\n") + "\n");
const edges = ["src,dst,type,date"];
for (let r = 0; r < entities * 10; ++r) {
  const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
  edges.push(`e${Math.floor(random() * entities)},e${Math.floor(random() * entities)},` +
    `${types[Math.floor(random() * types.length)]},2023-${month}`);
}
writeFileSync(path.join(dir, "edges.csv"), edges.join("\n") + "\n");

const db = new kuzu.Database(path.join(dir, "db"));
const conn = new kuzu.Connection(db);
const t0 = performance.now();
await conn.query("CREATE NODE TABLE Entity(id STRING, class STRING, PRIMARY KEY(id))");
await conn.query("CREATE REL TABLE R(FROM Entity TO Entity, type STRING, date STRING)");
await conn.query(`COPY Entity FROM '${path.join(dir, "nodes.csv")}' (header=true)`);
await conn.query(`COPY R FROM '${path.join(dir, "edges.csv")}' (header=true)`);
console.log(`kuzu: ${entities} entities, ${entities * 10} relations loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

async function time(name, text, ids) {
  const statement = await conn.prepare(text);
  const times = [];
  for (let i = 0; i < runs; ++i) {
    const params = {};
    for (let k = 0; k < ids; ++k) params[`id${k}`] = `e${Math.floor(random() * entities)}`;
    const start = performance.now();
    const result = await conn.execute(statement, params);
    await result.getAll();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: median ${times[runs >> 1].toFixed(3)} ms`);
}
await time("id lookup with neighbours", "MATCH (n:Entity {id: $id0})-[r:R]-(m:Entity) RETURN m.id, r.type", 1);
await time("two hops with a filter",
  `MATCH (a:Entity {id: $id0})-[r1:R]->(b:Entity)-[r2:R]->(c:Entity) WHERE r2.date >= '2023-06' AND c.class IN ${actors} RETURN c.id, count(*) AS n`, 1);
await time("shortest path", "MATCH (a:Entity {id: $id0})-[r:R* SHORTEST 1..6]-(b:Entity {id: $id1}) RETURN length(r)", 2);
