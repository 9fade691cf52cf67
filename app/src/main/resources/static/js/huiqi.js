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
  var toggle = document.querySelector('header .menu-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var open = document.body.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
});

function renderCharts(root) {
  if (typeof echarts === 'undefined') return;
  root.querySelectorAll('[data-chart]').forEach(function (el) {
    if (el.dataset.rendered) return;
    var spec = JSON.parse(el.dataset.chart);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var option;
    if (spec.type === 'pie') {
      option = {
        tooltip: { trigger: 'item' }, legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], name: spec.name,
          data: spec.labels.map(function (l, i) { return { name: l, value: spec.values[i] }; }) }]
      };
    } else {
      option = {
        color: ['#1a56a8', '#c8161d', '#e0b400'],
        tooltip: { trigger: 'axis' }, grid: { left: 60, right: 20, top: spec.series ? 50 : 30, bottom: 40 },
        legend: spec.series ? { top: 0 } : undefined,
        xAxis: { type: 'category', data: spec.labels, axisLabel: { interval: 0, rotate: spec.labels.length > 8 ? 30 : 0 } },
        yAxis: { type: 'value', name: spec.unit || '' },
        series: (spec.series || [{ name: spec.name, values: spec.values }]).map(function (s) {
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
