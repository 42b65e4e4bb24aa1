// newsgraph interactive diagram: draws the JSON of #newsgraph-data (written by writeHtml, see
// diagram/src/html_json.cpp for its fields) with Cytoscape.js, and wires the controls: search,
// relation type filter, evidence date range, network and map layouts, and the details panel.
// Every text from the data goes into the page with textContent, never as HTML.
(function () {
  'use strict';
  const started = performance.now();
  const data = JSON.parse(document.getElementById('newsgraph-data').textContent);
  const parsed = performance.now();
  // Large pages draw straight lines without arrows and hide edges while panning.
  const large = data.nodes.length > 1500 || data.edges.length > 3000;
  const nodeStyles = new Map(data.style.nodes.map((s) => [s.family, s]));
  const edgeStyles = new Map(data.style.edges.map((s) => [s.family, s]));

  // ---- small helpers -------------------------------------------------------------------------
  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }
  function fold(text) {
    return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function epochDay(y, m, d) { return Math.round(Date.UTC(y, m - 1, d) / 86400000); }
  // "2023", "2023-11" or "2023-11-14" -> [first day, last day], in days since 1970-01-01.
  function dayRange(iso) {
    const p = iso.split('-').map(Number);
    if (p.length === 1) return [epochDay(p[0], 1, 1), epochDay(p[0], 12, 31)];
    if (p.length === 2) return [epochDay(p[0], p[1], 1), epochDay(p[0], p[1] + 1, 0)];
    return [epochDay(p[0], p[1], p[2]), epochDay(p[0], p[1], p[2])];
  }
  function dayText(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
  function nodeStyle(family) { return nodeStyles.get(family) || nodeStyles.get('other'); }
  function edgeStyle(family) { return edgeStyles.get(family) || edgeStyles.get('other'); }

  // ---- title and counts ----------------------------------------------------------------------
  document.getElementById('title').textContent = data.title;
  document.getElementById('title').title = data.scope || '';
  document.getElementById('counts').textContent =
      data.nodes.length + ' nodes, ' + data.edges.length + ' relations';

  // ---- the network layout ----------------------------------------------------------------
  // Computed by writeHtml (no overlapping labels), stretched sideways (up to twice) to the drawing
  // area's shape: stretching moves nodes apart, so labels still do not overlap.
  const network = (() => {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    data.nodes.forEach((n) => {
      minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
      minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
    });
    const box = document.getElementById('cy');
    const aspect = box.clientHeight > 0 ? box.clientWidth / box.clientHeight : 1;
    const stretch = maxX > minX && maxY > minY
        ? Math.min(2, Math.max(1, aspect / ((maxX - minX) / (maxY - minY)))) : 1;
    return data.nodes.map((n) => ({x: n.x * stretch, y: n.y}));
  })();

  // ---- elements ------------------------------------------------------------------------------
  const elements = [];
  data.nodes.forEach((n, i) => {
    elements.push({group: 'nodes', position: network[i], data: {
      id: 'n' + i, label: n.label, family: n.family, size: n.size, font: n.font, wrap: n.wrap}});
  });
  data.edges.forEach((e, i) => {
    const status = data.style.statuses[e.status] || data.style.statuses.asserted;
    elements.push({group: 'edges', data: {
      id: 'e' + i, source: 'n' + e.source, target: 'n' + e.target, type: e.type,
      family: e.family, status: e.status, width: e.width,
      label: e.type + status.suffix,
      arrow: e.symmetric ? 'none' : status.arrow,
    }});
  });

  // ---- style: families from the shared style table (diagram/style.h) ------------------------
  const style = [
    {selector: 'node', style: {
      'label': 'data(label)', 'font-size': 'data(font)', 'text-valign': 'bottom', 'text-margin-y': 3,
      'text-halign': 'center', 'color': '#212121', 'text-wrap': 'wrap', 'text-max-width': 'data(wrap)',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.75,
      'text-background-padding': 1, 'text-background-shape': 'roundrectangle',
      'width': 'data(size)', 'height': 'data(size)', 'border-width': 1,
      'border-color': '#ffffff', 'min-zoomed-font-size': 8}},
    {selector: 'edge', style: {
      'width': 'data(width)', 'curve-style': large ? 'haystack' : 'bezier',
      'haystack-radius': 0, 'opacity': large ? 0.2 : 0.85,
      'target-arrow-shape': large ? 'none' : 'data(arrow)', 'arrow-scale': 0.9,
      'font-size': 9, 'color': '#37474f', 'text-rotation': 'autorotate',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.8,
      'text-background-padding': 1}},
  ];
  data.style.nodes.forEach((s) => style.push({selector: 'node[family = "' + s.family + '"]',
    style: {'background-color': s.fill, 'shape': s.shape}}));
  data.style.edges.forEach((s) => style.push({selector: 'edge[family = "' + s.family + '"]',
    style: {'line-color': s.colour, 'target-arrow-color': s.colour}}));
  Object.keys(data.style.statuses).forEach((name) => style.push({
    selector: 'edge[status = "' + name + '"]',
    style: {'line-style': data.style.statuses[name].dash, 'line-dash-pattern': [6, 3]}}));
  style.push(
    {selector: 'edge.labelled, edge:selected, edge.neighbour', style: {'label': 'data(label)'}},
    {selector: 'node:selected', style: {'border-color': '#0d47a1', 'border-width': 3}},
    {selector: 'edge:selected', style: {'opacity': 1, 'underlay-color': '#ffd54f',
      'underlay-opacity': 0.6, 'underlay-padding': 3}},
    {selector: 'node.found', style: {'border-color': '#ff6f00', 'border-width': 4,
      'font-weight': 'bold', 'z-index': 10, 'min-zoomed-font-size': 0}},
    {selector: '.faded', style: {'opacity': 0.2}},
    {selector: '.hidden', style: {'display': 'none'}});

  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements: elements,
    style: style,
    layout: {name: 'preset'},
    minZoom: 0.02,
    maxZoom: 6,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    motionBlur: false,
    pixelRatio: large ? 1 : 'auto',
  });
  const built = performance.now();
  const nodeAt = (i) => cy.getElementById('n' + i);
  const edgeAt = (i) => cy.getElementById('e' + i);

  // ---- layouts ------------------------------------------------------------------------------
  // The network layout comes with the data (computed by writeHtml, no overlapping labels).
  function showNetwork() {
    setActive('layout-graph');
    placeAll(network);
  }
  function placeAll(positions) {
    cy.batch(() => cy.nodes().forEach((n, i) => n.position(positions[i])));
    fitAll();
  }
  // Fits the visible elements, but no closer than 1.25: a small ego network stays life-size.
  function fitAll() {
    cy.fit(cy.elements(':visible'), 30);
    if (cy.zoom() > 1.25) {
      cy.zoom(1.25);
      cy.center(cy.elements(':visible'));
    }
  }

  // Map: equirectangular projection of latitude and longitude; nodes without coordinates go
  // around the average position of their placed neighbours, or in rows under the map.
  function showMap() {
    setActive('layout-map');
    const scale = 60;  // pixels per degree
    const positions = new Array(data.nodes.length);
    let minX = Infinity, maxX = -Infinity, maxY = -Infinity;
    data.nodes.forEach((n, i) => {
      if (n.lat === undefined || n.lon === undefined) return;
      positions[i] = {x: n.lon * scale, y: -n.lat * scale};
      minX = Math.min(minX, positions[i].x);
      maxX = Math.max(maxX, positions[i].x);
      maxY = Math.max(maxY, positions[i].y);
    });
    if (minX === Infinity) { minX = 0; maxX = 0; maxY = 0; }
    const around = new Map();
    data.nodes.forEach((n, i) => {
      if (positions[i]) return;
      let sx = 0, sy = 0, count = 0;
      nodeAt(i).neighborhood('node').forEach((m) => {
        const p = positions[Number(m.id().slice(1))];
        if (p) { sx += p.x; sy += p.y; ++count; }
      });
      if (count === 0) return;
      const key = Math.round(sx / count) + ',' + Math.round(sy / count);
      const k = (around.get(key) || 0) + 1;
      around.set(key, k);
      const angle = k * 2.39996, radius = 35 + 12 * Math.sqrt(k);
      positions[i] = {x: sx / count + radius * Math.cos(angle), y: sy / count + radius * Math.sin(angle)};
    });
    const columns = Math.max(1, Math.ceil(Math.sqrt(data.nodes.length)));
    let placed = 0;
    data.nodes.forEach((n, i) => {
      if (positions[i]) return;
      positions[i] = {x: minX + (placed % columns) * 110, y: maxY + 120 + Math.floor(placed / columns) * 50};
      ++placed;
    });
    placeAll(positions);
    // Far countries (Russia, the United States) would shrink the Sahel to a dot: show the middle
    // 60 % of the placed nodes in each direction; Fit shows the whole map.
    const xs = [], ys = [];
    data.nodes.forEach((n, i) => {
      if (n.lat !== undefined && n.lon !== undefined) { xs.push(positions[i].x); ys.push(positions[i].y); }
    });
    if (xs.length >= 5) {
      const cut = (values, q) => values.sort((a, b) => a - b)[Math.floor(q * (values.length - 1))];
      const x1 = cut(xs, 0.2), x2 = cut(xs, 0.8), y1 = cut(ys, 0.2), y2 = cut(ys, 0.8);
      const core = cy.nodes().filter((node) => {
        const p = node.position();
        return p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
      });
      if (core.length > 0) {
        cy.fit(core, 40);
        // Not so close that the towns of one region hide each other's names.
        if (cy.zoom() > 0.55) {
          const bb = core.boundingBox();
          cy.zoom({level: 0.55, position: {x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2}});
        }
      }
    }
  }

  function setActive(id) {
    ['layout-graph', 'layout-map'].forEach((b) =>
      document.getElementById(b).classList.toggle('active', b === id));
  }
  document.getElementById('layout-graph').addEventListener('click', showNetwork);
  document.getElementById('layout-map').addEventListener('click', showMap);
  document.getElementById('fit').addEventListener('click', fitAll);

  // ---- filters: relation types and evidence dates --------------------------------------------
  const edgeDays = data.edges.map((e) => {
    let undated = false;
    const ranges = [];
    e.evidence.forEach((v) => { if (v.date) ranges.push(dayRange(v.date)); else undated = true; });
    return {undated: undated || ranges.length === 0, ranges: ranges};
  });
  let firstDay = Infinity, lastDay = -Infinity;
  edgeDays.forEach((d) => d.ranges.forEach((r) => {
    firstDay = Math.min(firstDay, r[0]);
    lastDay = Math.max(lastDay, r[1]);
  }));
  const dateFrom = document.getElementById('date-from');
  const dateTo = document.getElementById('date-to');
  [dateFrom, dateTo].forEach((input) => {
    input.min = firstDay === Infinity ? 0 : firstDay;
    input.max = lastDay === -Infinity ? 0 : lastDay;
    input.disabled = firstDay === Infinity;
  });
  dateFrom.value = dateFrom.min;
  dateTo.value = dateTo.max;

  const typeOn = new Map();
  const typeCounts = new Map();
  data.edges.forEach((e) => typeCounts.set(e.type, (typeCounts.get(e.type) || 0) + 1));
  const typesBox = document.getElementById('types');
  data.style.edges.forEach((family) => {
    const types = Array.from(new Set(data.edges.filter((e) => edgeStyle(e.family) === family)
        .map((e) => e.type))).sort();
    if (types.length === 0) return;
    typesBox.appendChild(element('div', family.family, 'family-title'));
    types.forEach((type) => {
      typeOn.set(type, true);
      const label = element('label', null, 'type');
      const box = element('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = type;
      box.addEventListener('change', () => { typeOn.set(type, box.checked); applyFilters(); });
      const swatch = element('span', null, 'swatch');
      swatch.style.background = family.colour;
      label.append(box, swatch, element('span', type), element('span', typeCounts.get(type), 'count'));
      typesBox.appendChild(label);
    });
  });
  function setAllTypes(on) {
    typesBox.querySelectorAll('input').forEach((box) => { box.checked = on; typeOn.set(box.value, on); });
    applyFilters();
  }
  document.getElementById('types-all').addEventListener('click', () => setAllTypes(true));
  document.getElementById('types-none').addEventListener('click', () => setAllTypes(false));

  function applyFilters() {
    let from = Number(dateFrom.value), to = Number(dateTo.value);
    if (from > to) { const t = from; from = to; to = t; }
    document.getElementById('date-from-text').textContent = dateFrom.disabled ? 'no dates' : dayText(from);
    document.getElementById('date-to-text').textContent = dateTo.disabled ? '' : dayText(to);
    const wholeRange = from <= firstDay && to >= lastDay;
    const degree = new Int32Array(data.nodes.length);
    const shown = data.edges.map((e, i) => {
      const d = edgeDays[i];
      const inRange = wholeRange || d.undated || d.ranges.some((r) => r[1] >= from && r[0] <= to);
      const on = typeOn.get(e.type) && inRange;
      if (on) { degree[e.source]++; degree[e.target]++; }
      return on;
    });
    let visibleEdges = 0;
    cy.batch(() => {
      data.edges.forEach((e, i) => {
        const edge = edgeAt(i);
        if (shown[i]) { ++visibleEdges; if (edge.hasClass('hidden')) edge.removeClass('hidden'); }
        else if (!edge.hasClass('hidden')) edge.addClass('hidden');
      });
      data.nodes.forEach((n, i) => {
        const fade = n.degree > 0 && degree[i] === 0;
        const node = nodeAt(i);
        if (fade !== node.hasClass('faded')) node.toggleClass('faded', fade);
      });
    });
    // What the filters of the command kept ("around jnim, 1 hop; asserted; 13 nodes, 16 edges"),
    // then what the page's own filters leave.
    const all = data.scope || data.nodes.length + ' nodes, ' + data.edges.length + ' relations';
    document.getElementById('counts').textContent = visibleEdges === data.edges.length ? all
        : all + ' (' + visibleEdges + ' of ' + data.edges.length + ' relations shown)';
  }
  data.nodes.forEach((n) => { n.degree = 0; });
  data.edges.forEach((e) => { data.nodes[e.source].degree++; data.nodes[e.target].degree++; });
  dateFrom.addEventListener('input', applyFilters);
  dateTo.addEventListener('input', applyFilters);

  // ---- search --------------------------------------------------------------------------------
  const searchText = data.nodes.map((n) =>
      fold([n.label, n.labelEn || '', n.id].concat(n.aliases || []).join('\n')));
  const searchBox = document.getElementById('search');
  const results = document.getElementById('search-results');
  let found = [];
  let foundCursor = 0;
  function search() {
    const query = fold(searchBox.value.trim());
    cy.nodes('.found').removeClass('found');
    results.replaceChildren();
    found = [];
    foundCursor = 0;
    if (query === '') {
      document.getElementById('search-status').textContent = '';
      return;
    }
    searchText.forEach((text, i) => { if (text.includes(query)) found.push(i); });
    // Exact label or id matches first, then by label.
    const exact = (i) => (fold(data.nodes[i].label) === query || data.nodes[i].id === query ? 0 : 1);
    found.sort((a, b) => exact(a) - exact(b) || data.nodes[a].label.localeCompare(data.nodes[b].label));
    document.getElementById('search-status').textContent =
        found.length === 0 ? 'no match' : found.length === 1 ? '1 match' : found.length + ' matches';
    if (found.length === 0) return;
    const eles = cy.collection(found.map(nodeAt));
    eles.addClass('found');
    found.slice(0, 12).forEach((i) => {
      const item = element('li', data.nodes[i].label + ' (' + data.nodes[i].id + ')');
      item.addEventListener('click', () => focusNode(i));
      results.appendChild(item);
    });
    if (found.length === 1) focusNode(found[0]);
    else cy.animate({fit: {eles: eles, padding: 60}, duration: large ? 0 : 300});
  }
  function focusNode(i) {
    const node = nodeAt(i);
    cy.elements(':selected').unselect();
    node.select();
    showNode(i);
    cy.animate({center: {eles: node}, zoom: Math.max(cy.zoom(), 1.2), duration: large ? 0 : 300});
  }
  let searchTimer = 0;
  searchBox.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, large ? 200 : 60);
  });
  searchBox.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    clearTimeout(searchTimer);
    if (found.length === 0) search();
    if (found.length === 0) return;
    focusNode(found[foundCursor % found.length]);
    ++foundCursor;
  });

  // ---- details panel -------------------------------------------------------------------------
  const panel = document.getElementById('panel');
  // Empties the panel, opening it first if needed (the drawing then gets narrower).
  function openPanel() {
    panel.replaceChildren();
    const close = element('button', '×', 'small close');
    close.type = 'button';
    close.title = 'Close';
    close.addEventListener('click', () => {
      document.body.classList.remove('details');
      cy.resize();
    });
    panel.appendChild(close);
    if (!document.body.classList.contains('details')) {
      document.body.classList.add('details');
      cy.resize();
    }
  }
  function definitions(rows) {
    const list = element('dl');
    rows.forEach((row) => {
      if (row[1] === undefined || row[1] === null || row[1] === '') return;
      list.append(element('dt', row[0]), element('dd', row[1]));
    });
    return list;
  }
  function edgeTitle(e) {
    return data.nodes[e.source].label + ' ' + e.type + ' ' + data.nodes[e.target].label;
  }
  function showNode(i) {
    const n = data.nodes[i];
    const s = nodeStyle(n.family);
    openPanel();
    const title = element('h2', n.label);
    panel.appendChild(title);
    panel.appendChild(definitions([
      ['English', n.labelEn], ['id', n.id], ['class', n.class], ['family', s.legend],
      ['Wikidata', n.wikidata],
      ['coordinates', n.lat !== undefined ? n.lat.toFixed(3) + ', ' + n.lon.toFixed(3) : ''],
    ]));
    if (n.aliases && n.aliases.length > 0) {
      panel.appendChild(element('h3', 'Aliases'));
      const list = element('ul');
      n.aliases.forEach((a) => list.appendChild(element('li', a)));
      panel.appendChild(list);
    }
    const edges = [];
    data.edges.forEach((e, k) => { if (e.source === i || e.target === i) edges.push(k); });
    panel.appendChild(element('h3', 'Relations (' + edges.length + ')'));
    const list = element('ul');
    edges.slice(0, 200).forEach((k) => {
      const item = element('li', edgeTitle(data.edges[k]), 'relation');
      item.addEventListener('click', () => { cy.elements(':selected').unselect(); edgeAt(k).select(); showEdge(k); });
      list.appendChild(item);
    });
    panel.appendChild(list);
  }
  function showEdge(k) {
    const e = data.edges[k];
    openPanel();
    panel.appendChild(element('h2', edgeTitle(e)));
    panel.appendChild(definitions([
      ['relation', e.type + (e.symmetric ? ' (symmetric)' : '')],
      ['family', edgeStyle(e.family).legend], ['status', e.status], ['sources', e.sources],
    ]));
    panel.appendChild(element('h3', 'Evidence (' + e.evidence.length + ')'));
    const list = element('ul', null, 'evidence');
    e.evidence.forEach((v) => {
      const item = element('li', null, v.status);
      item.appendChild(element('blockquote', v.quote));
      const meta = element('div', null, 'meta');
      const article = v.article !== undefined ? data.articles[v.article] : null;
      meta.appendChild(element('div', article ? (article.title || article.doc) : 'background fact'));
      const parts = [];
      if (article) parts.push(article.doc);
      if (v.date) parts.push(v.date);
      if (parts.length) meta.appendChild(element('div', parts.join(' · ')));
      // The address as text, not a link: the page opens nothing by itself.
      if (article && article.url) meta.appendChild(element('div', article.url, 'url'));
      const status = element('div');
      status.appendChild(element('span', v.status, 'status'));
      if (v.speaker) status.appendChild(document.createTextNode(' by ' + v.speaker));
      meta.appendChild(status);
      item.appendChild(meta);
      list.appendChild(item);
    });
    panel.appendChild(list);
  }
  cy.on('tap', 'node', (event) => showNode(Number(event.target.id().slice(1))));
  cy.on('tap', 'edge', (event) => showEdge(Number(event.target.id().slice(1))));
  cy.on('mouseover', 'node', (event) => { if (!large) event.target.connectedEdges().addClass('neighbour'); });
  cy.on('mouseout', 'node', (event) => event.target.connectedEdges().removeClass('neighbour'));

  // ---- legend --------------------------------------------------------------------------------
  const svgNs = 'http://www.w3.org/2000/svg';
  function svg(tag, attributes) {
    const e = document.createElementNS(svgNs, tag);
    Object.keys(attributes).forEach((k) => e.setAttribute(k, attributes[k]));
    return e;
  }
  function shapePoints(shape) {
    const k = {
      'rectangle': '2,2 16,2 16,16 2,16', 'round-rectangle': '3,2 15,2 16,3 16,15 15,16 3,16 2,15 2,3',
      'hexagon': '5,2 13,2 17,9 13,16 5,16 1,9', 'octagon': '6,1 12,1 17,6 17,12 12,17 6,17 1,12 1,6',
      'diamond': '9,1 17,9 9,17 1,9', 'round-diamond': '9,1 17,9 9,17 1,9',
      'vee': '1,2 9,7 17,2 9,17', 'pentagon': '9,1 17,7 14,17 4,17 1,7', 'tag': '1,3 12,3 17,9 12,15 1,15',
    };
    return k[shape];
  }
  const legend = document.getElementById('legend');
  const usedNodeFamilies = new Set(data.nodes.map((n) => nodeStyle(n.family).family));
  data.style.nodes.forEach((s) => {
    if (!usedNodeFamilies.has(s.family)) return;
    const row = element('div', null, 'row');
    const icon = svg('svg', {width: 18, height: 18, viewBox: '0 0 18 18'});
    const points = shapePoints(s.shape);
    icon.appendChild(points ? svg('polygon', {points: points, fill: s.fill})
                            : svg('ellipse', {cx: 9, cy: 9, rx: 7.5, ry: 7.5, fill: s.fill}));
    row.append(icon, element('span', s.legend));
    legend.appendChild(row);
  });
  const usedEdgeFamilies = new Set(data.edges.map((e) => edgeStyle(e.family).family));
  data.style.edges.forEach((s) => {
    if (!usedEdgeFamilies.has(s.family)) return;
    const row = element('div', null, 'row');
    const swatch = element('span', null, 'swatch');
    swatch.style.background = s.colour;
    row.append(swatch, element('span', s.legend));
    legend.appendChild(row);
  });
  Object.keys(data.style.statuses).forEach((name) => {
    const st = data.style.statuses[name];
    const row = element('div', null, 'row');
    const icon = svg('svg', {width: 18, height: 8});
    icon.appendChild(svg('line', {x1: 0, y1: 4, x2: 18, y2: 4, stroke: '#444', 'stroke-width': 2,
      'stroke-dasharray': st.dash === 'dashed' ? '5,3' : st.dash === 'dotted' ? '2,2' : 'none'}));
    row.append(icon, element('span', name + (name === 'asserted' ? '' : ' (' + st.dash + ')')));
    legend.appendChild(row);
  });
  legend.appendChild(element('div', 'line width: number of sources', 'row'));

  // ---- start ---------------------------------------------------------------------------------
  applyFilters();
  // For tests and benchmarks: the Cytoscape instance and how long the page took to come up.
  window.newsgraph = {cy: cy, data: data, timings: {parseMs: parsed - started, buildMs: built - parsed}};
  setActive('layout-graph');
  fitAll();
  cy.one('render', () => requestAnimationFrame(() => {
    window.newsgraph.timings.firstRenderMs = performance.now() - started;
    window.newsgraph.ready = true;
  }));
  cy.forceRender();
})();
