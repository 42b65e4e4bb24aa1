// End-to-end test of the interactive diagram in headless Chromium (issue 6): ingests samples/
// with the built CLI, writes the page with `newsgraph diagram --format html`, opens it as
// file:// and checks that it loads with no console error and no network request, shows as many
// nodes and edges as the GraphML of the same diagram, shows an edge's evidence on a click, and
// that search and the type filter work. Keeps a screenshot as a test artifact.
//
//   node page_test.mjs NEWSGRAPH SOURCE_DIR WORK_DIR
//
// Exits 77 (skipped) when Chromium is not installed, except under CI=true, where that fails.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [bin, source, work] = process.argv.slice(2);
if (!bin || !source || !work) {
  console.error('usage: node page_test.mjs NEWSGRAPH SOURCE_DIR WORK_DIR');
  process.exit(2);
}

// playwright-core is imported late, so that a missing package is a clear message.
let openPage;
let chromiumPath;
try {
  ({openPage, kChromium: chromiumPath} = await import('./browser.mjs'));
} catch (error) {
  missing('the npm package playwright-core is not installed in tests/diagram/browser (' +
          error.message.split('\n')[0] + ')');
}
if (!fs.existsSync(chromiumPath)) missing(chromiumPath + ' is not installed (apt-get install chromium)');

function missing(what) {
  if (process.env.CI === 'true') {
    console.error('diagram_page_browser: FAILED: ' + what + ' (CI=true: run scripts/install-deps.sh)');
    process.exit(1);
  }
  console.log('[  SKIPPED ] diagram_page_browser: ' + what + ' (run scripts/install-deps.sh)');
  process.exit(77);
}

let passed = 0;
let failed = 0;
function check(condition, what, detail = '') {
  if (condition) {
    ++passed;
    console.log('[       OK ] ' + what);
  } else {
    ++failed;
    console.log('[  FAILED  ] ' + what + (detail ? ': ' + detail : ''));
  }
}

fs.rmSync(work, {recursive: true, force: true});
fs.mkdirSync(work, {recursive: true});
const db = path.join(work, 'samples.db');
const html = path.join(work, 'samples.html');
const graphml = path.join(work, 'samples.graphml');
const run = (...args) => execFileSync(bin, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
run('ingest', path.join(source, 'samples/articles'), '--db', db);
run('diagram', '--db', db, '--format', 'html', '-o', html);
run('diagram', '--db', db, '--format', 'graphml', '-o', graphml);

// What the GraphML of the same diagram holds.
const graphmlText = fs.readFileSync(graphml, 'utf8');
const expectedNodes = (graphmlText.match(/<node /g) || []).length;
const expectedEdges = (graphmlText.match(/<edge /g) || []).length;
check(expectedNodes > 20 && expectedEdges > 20, 'the GraphML of samples/ has nodes and edges',
      expectedNodes + ' nodes, ' + expectedEdges + ' edges');

const {page, problems, requests, close} = await openPage(html);
try {
  const shown = await page.evaluate(() => ({
    nodes: window.newsgraph.cy.nodes().length,
    edges: window.newsgraph.cy.edges().length,
    visible: window.newsgraph.cy.edges(':visible').length,
    timings: window.newsgraph.timings,
  }));
  check(shown.nodes === expectedNodes, 'the page draws as many nodes as the GraphML',
        shown.nodes + ' vs ' + expectedNodes);
  check(shown.edges === expectedEdges, 'the page draws as many edges as the GraphML',
        shown.edges + ' vs ' + expectedEdges);
  check(shown.visible === shown.edges, 'every edge is visible at first');
  const header = await page.textContent('#counts');
  check(header.includes(expectedNodes + ' nodes'), 'the header counts the nodes', header);
  console.log('first render ' + shown.timings.firstRenderMs.toFixed(0) + ' ms');

  // The screenshot, before any click.
  const screenshot = path.join(path.dirname(work), 'samples.png');
  await page.screenshot({path: screenshot});
  check(fs.statSync(screenshot).size > 10000, 'a screenshot is kept: ' + screenshot);

  // A real mouse click on an edge with a quote: the one whose midpoint is farthest from every
  // other edge and node (so that the click cannot land on another), at its rendered midpoint,
  // after the view is centred on it.
  const target = await page.evaluate(() => {
    const cy = window.newsgraph.cy;
    const data = window.newsgraph.data;
    const segmentDistance = (p, a, b) => {
      const dx = b.x - a.x, dy = b.y - a.y;
      const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
    };
    let best = null;
    cy.edges().forEach((edge) => {
      const e = data.edges[Number(edge.id().slice(1))];
      if (e.evidence.length === 0 || !e.evidence[0].quote || e.evidence[0].article === undefined) return;
      const m = edge.midpoint();
      let clearance = Infinity;
      cy.edges().forEach((other) => {
        if (other === edge) return;
        clearance = Math.min(clearance, segmentDistance(m, other.source().position(), other.target().position()));
      });
      cy.nodes().forEach((node) => {
        const p = node.position();
        clearance = Math.min(clearance, Math.hypot(p.x - m.x, p.y - m.y) - node.width());
      });
      if (!best || clearance > best.clearance) best = {edge, clearance};
    });
    const edge = best.edge;
    cy.zoom(1.5);
    cy.center(edge);
    const at = edge.renderedMidpoint();
    const box = document.getElementById('cy').getBoundingClientRect();
    const e = data.edges[Number(edge.id().slice(1))];
    return {id: edge.id(), x: box.left + at.x, y: box.top + at.y, quote: e.evidence[0].quote,
            title: data.articles[e.evidence[0].article].title};
  });
  await page.waitForTimeout(100);
  await page.mouse.click(target.x, target.y);
  await page.waitForTimeout(100);
  const panel = await page.textContent('#panel');
  check(panel.includes(target.quote), 'a click on an edge shows its evidence sentence',
        'edge ' + target.id + ', panel: ' + panel.slice(0, 200));
  check(panel.includes(target.title), 'and the title of its article');
  await page.screenshot({path: path.join(path.dirname(work), 'samples-edge.png')});

  // Search: a name finds its node, selects it and shows its labels.
  await page.fill('#search', 'kidal');
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => window.newsgraph.cy.nodes('.found').map((n) => n.data('label')));
  check(found.includes('Kidal'), 'searching "kidal" highlights Kidal', found.join(', '));
  await page.press('#search', 'Enter');
  await page.waitForTimeout(400);
  const nodePanel = await page.textContent('#panel h2');
  check(nodePanel === 'Kidal', 'Enter selects the first match and shows it', nodePanel);
  await page.fill('#search', 'FAMa');
  await page.waitForTimeout(300);
  const aliasFound = await page.evaluate(() => window.newsgraph.cy.nodes('.found').length);
  check(aliasFound >= 1, 'searching "FAMa" finds a node');

  // The type filter: unchecking a type hides exactly its edges; "all" brings them back.
  const counts = await page.evaluate(() => {
    const cy = window.newsgraph.cy;
    const type = cy.edges()[0].data('type');
    const box = document.querySelector('#types input[value="' + type + '"]');
    box.click();
    const result = {type, ofType: cy.edges('[type = "' + type + '"]').length,
                    hidden: cy.edges('.hidden').length};
    document.getElementById('types-all').click();
    result.after = cy.edges('.hidden').length;
    return result;
  });
  check(counts.hidden === counts.ofType && counts.after === 0,
        'unchecking ' + counts.type + ' hides its ' + counts.ofType + ' edges, "all" shows them again',
        JSON.stringify(counts));

  // The date slider: the range of one year hides the edges with no evidence in it.
  const dated = await page.evaluate(() => {
    const from = document.getElementById('date-from');
    const to = document.getElementById('date-to');
    const day = (iso) => Math.round(Date.parse(iso) / 86400000);
    from.value = day('2013-01-01');
    to.value = day('2013-12-31');
    from.dispatchEvent(new Event('input'));
    const cy = window.newsgraph.cy;
    const visible = cy.edges().length - cy.edges('.hidden').length;
    from.value = from.min;
    to.value = to.max;
    to.dispatchEvent(new Event('input'));
    return {visible, total: cy.edges().length, after: cy.edges().length - cy.edges('.hidden').length};
  });
  check(dated.visible > 0 && dated.visible < dated.total && dated.after === dated.total,
        'the date range 2013 keeps some edges (background facts, 2013 evidence), the whole range all', JSON.stringify(dated));

  // The map layout puts Bamako west of Niamey and south of Kidal.
  await page.click('#layout-map');
  const map = await page.evaluate(() => {
    const cy = window.newsgraph.cy;
    const at = (label) => cy.nodes().filter((n) => n.data('label') === label)[0].position();
    return {bamako: at('Bamako'), niamey: at('Niamey'), kidal: at('Kidal')};
  });
  check(map.bamako.x < map.niamey.x && map.bamako.y > map.kidal.y,
        'the map layout places Bamako west of Niamey and south of Kidal', JSON.stringify(map));
  await page.screenshot({path: path.join(path.dirname(work), 'samples-map.png')});
  await page.click('#layout-graph');

  check(problems.length === 0, 'no console error', problems.join('\n'));
  check(requests.length === 0, 'no network request', requests.join('\n'));
} finally {
  await close();
}
console.log(passed + ' passed, ' + failed + ' failed');
process.exit(failed === 0 ? 0 : 1);
