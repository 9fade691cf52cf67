// 惠企政策服务平台: CSRF header for htmx requests, and ECharts charts declared in HTML as
// <div class="chart" data-chart='{"type":"bar","labels":[...],"values":[...],"name":"..."}'>.
document.addEventListener('DOMContentLoaded', function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener('htmx:configRequest', function (e) {
      e.detail.headers[header.content] = token.content;
    });
  }
  renderCharts(document);
  labelStackedCells(document);
  document.body.addEventListener('htmx:afterSwap', function (e) { renderCharts(e.target); labelStackedCells(e.target); });
  bindSliders(document);
  var toggle = document.querySelector('header .menu-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var open = document.body.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
});

// Series keep one colour on every chart (已匹配 is never drawn in 已兑现's colour); other series take the palette in turn.
var SERIES_COLOURS = { '已匹配': '#1a56a8', '匹配金额': '#1a56a8', '已推送': '#e0b400', '已确认': '#7b5ea7',
  '已兑现': '#2e8b57', '已兑现金额': '#2e8b57', '基准': '#1a56a8', '试算': '#c8161d' };
var PALETTE = ['#1a56a8', '#c8161d', '#e0b400', '#2e8b57', '#7b5ea7', '#e07b00', '#3aa0b8', '#8a94a3'];

function grouped(v) {
  return typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : v;
}

function seriesColours(names) {
  var used = {}, next = 0;
  return names.map(function (n) {
    var c = SERIES_COLOURS[n];
    if (!c || used[c]) {
      while (used[PALETTE[next % PALETTE.length]] && next < PALETTE.length * 2) next++;
      c = PALETTE[next % PALETTE.length];
      next++;
    }
    used[c] = true;
    return c;
  });
}

function renderCharts(root) {
  if (typeof echarts === 'undefined') return;
  root.querySelectorAll('[data-chart]').forEach(function (el) {
    if (el.dataset.rendered) return;
    var spec = JSON.parse(el.dataset.chart);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var narrow = el.clientWidth < 500;
    var option;
    if (spec.type === 'pie') {
      option = {
        color: PALETTE,
        tooltip: { trigger: 'item', valueFormatter: grouped }, legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: narrow ? ['30%', '55%'] : ['35%', '65%'], name: spec.name,
          avoidLabelOverlap: true, labelLayout: { hideOverlap: true },
          label: { show: !narrow, formatter: function (p) { return p.name + ' ' + grouped(p.value); } },
          data: spec.labels.map(function (l, i) { return { name: l, value: spec.values[i] }; }) }]
      };
    } else {
      var series = spec.series || [{ name: spec.name, values: spec.values }];
      var longest = spec.labels.reduce(function (m, l) { return Math.max(m, String(l).length); }, 0);
      var slot = el.clientWidth * 0.85 / Math.max(1, spec.labels.length);
      var crowded = Math.max(longest, 4) * 13 > slot;
      // few labels wrap onto more lines under their bar; many are turned (and shortened) so none overlaps
      var wrap = crowded && spec.labels.length <= 6;
      var turn = crowded && !wrap;
      option = {
        color: seriesColours(series.map(function (s) { return s.name; })),
        tooltip: { trigger: 'axis', valueFormatter: grouped },
        grid: { left: turn ? 40 : 8, right: 16, top: spec.series ? 56 : 36, bottom: 8, containLabel: true },
        legend: spec.series ? { top: 0, type: 'scroll' } : undefined,
        xAxis: { type: 'category', data: spec.labels,
          axisLabel: wrap ? { interval: 0, width: Math.max(40, slot - 8), overflow: 'break', lineHeight: 14 }
            : { interval: 0, hideOverlap: true, rotate: turn ? 35 : 0,
                formatter: function (l) { l = String(l); return turn && l.length > 10 ? l.slice(0, 10) + '…' : l; } } },
        yAxis: { type: 'value', name: spec.unit || '', nameTextStyle: { align: 'left' },
          axisLabel: { formatter: function (v) { return grouped(v); } } },
        series: series.map(function (s) {
          return { name: s.name, type: spec.type === 'line' ? 'line' : 'bar', data: s.values };
        })
      };
    }
    option.animation = false;
    chart.setOption(option);
    el.dataset.rendered = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
  });
}

// On a phone a table.stack shows each row as a card: every cell gets its column's heading as a label.
function labelStackedCells(root) {
  var tables = root.matches && root.matches('table.stack') ? [root] : root.querySelectorAll('table.stack');
  tables.forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (td, i) {
        if (heads[i] && !td.hasAttribute('colspan')) td.setAttribute('data-label', heads[i]);
      });
    });
  });
}

// A what-if slider (<input type="range" data-target="set:…" data-percent>) writes its value into the parameter's
// text field, which is what the form submits; the label beside it shows the value as it moves.
function bindSliders(root) {
  root.querySelectorAll('input[type=range][data-target]').forEach(function (range) {
    var field = document.querySelector('input[name="' + range.dataset.target + '"]');
    var shown = range.parentElement.querySelector('.slider-value');
    range.addEventListener('input', function () {
      var v = range.dataset.percent !== undefined
        ? (Math.round(Number(range.value) * 10000) / 100) + '%' : range.value;
      if (field) field.value = v;
      if (shown) shown.textContent = range.dataset.percent !== undefined ? v : grouped(Number(range.value)) + (range.dataset.unit || '');
    });
  });
}
