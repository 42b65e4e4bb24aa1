// Times the interactive diagram in headless Chromium (bench/diagram_html_bench.sh): how long the
// page takes to show its first frame, and how long a frame takes while the user pans (mouse
// drag) and zooms (mouse wheel), and when the whole drawing is redrawn (a selection).
//
//   node bench/diagram_html_bench.mjs PAGE.html [SCREENSHOT.png]
import {openPage} from '../tests/diagram/browser/browser.mjs';

const [html, screenshot] = process.argv.slice(2);
const started = Date.now();
const {page, problems, requests, close} = await openPage(html, {width: 1600, height: 1000});
const openMs = Date.now() - started;

// Frame intervals (rAF to rAF) while `gesture` runs, median and worst.
async function frames(gesture) {
  await page.evaluate(() => {
    window.benchFrames = [];
    let last = performance.now();
    window.benchRunning = true;
    const tick = (now) => {
      window.benchFrames.push(now - last);
      last = now;
      if (window.benchRunning) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await gesture();
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    window.benchRunning = false;
    const sorted = window.benchFrames.slice(1).sort((a, b) => a - b);
    return {frames: sorted.length, medianMs: sorted[Math.floor(sorted.length / 2)],
            worstMs: sorted[sorted.length - 1]};
  });
}

const box = await page.evaluate(() => {
  const r = document.getElementById('cy').getBoundingClientRect();
  return {x: r.left + r.width / 2, y: r.top + r.height / 2};
});
const pan = await frames(async () => {
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 120, {steps: 20});
  await page.mouse.up();
});
const zoom = await frames(async () => {
  await page.mouse.move(box.x, box.y);
  for (let i = 0; i < 10; ++i) await page.mouse.wheel(0, i < 5 ? -120 : 120);
});
const redraw = await page.evaluate(async () => {
  const cy = window.newsgraph.cy;
  const times = [];
  for (let i = 0; i < 5; ++i) {
    const t = performance.now();
    cy.nodes()[i].select();
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2];
});
const info = await page.evaluate(() => ({
  nodes: window.newsgraph.cy.nodes().length,
  edges: window.newsgraph.cy.edges().length,
  timings: window.newsgraph.timings,
}));
if (screenshot) await page.screenshot({path: screenshot});
await close();
console.log(JSON.stringify({
  nodes: info.nodes, edges: info.edges, openMs,
  parseMs: Math.round(info.timings.parseMs), buildMs: Math.round(info.timings.buildMs),
  firstRenderMs: Math.round(info.timings.firstRenderMs),
  panFrameMs: Math.round(pan.medianMs), panWorstMs: Math.round(pan.worstMs),
  zoomFrameMs: Math.round(zoom.medianMs), zoomWorstMs: Math.round(zoom.worstMs),
  redrawMs: Math.round(redraw),
  consoleErrors: problems.length, requests: requests.length,
}));
