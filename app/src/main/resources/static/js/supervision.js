// 督查督办 charts: <div data-sv-chart='{"type":"pie"|"stacked","labels":[…],"values":[…]|"series":[{name,values}]}'>.
// Status colours are fixed so that 逾期 is always red and 已完成 always green.
(function () {
  var COLORS = { '未开始': '#9aa5b1', '推进中': '#1a56a8', '已完成': '#2e8b57', '滞后': '#e0a800', '逾期': '#c8161d' };
  function render() {
    if (typeof echarts === 'undefined') { return setTimeout(render, 50); }
    document.querySelectorAll('[data-sv-chart]').forEach(function (el) {
      if (el.dataset.rendered) return;
      var spec = JSON.parse(el.dataset.svChart);
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      var option;
      if (spec.type === 'pie') {
        option = {
          tooltip: { trigger: 'item', formatter: '{b}：{c} 项（{d}%）' }, legend: { bottom: 0 },
          series: [{ type: 'pie', radius: ['35%', '65%'], name: '任务状态',
            label: { formatter: '{b} {c}' },
            data: spec.labels.map(function (l, i) {
              return { name: l, value: spec.values[i], itemStyle: { color: COLORS[l] } };
            }) }]
        };
      } else {
        option = {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { top: 0 },
          grid: { left: 50, right: 20, top: 36, bottom: spec.labels.length > 5 || spec.labels.join('').length > 40 ? 90 : 40 },
          xAxis: { type: 'category', data: spec.labels,
            axisLabel: { interval: 0, rotate: spec.labels.length > 5 || spec.labels.join('').length > 40 ? 25 : 0 } },
          yAxis: { type: 'value', name: '任务（项）', minInterval: 1 },
          series: spec.series.map(function (s) {
            return { name: s.name, type: 'bar', stack: 'status', data: s.values, itemStyle: { color: COLORS[s.name] } };
          })
        };
      }
      chart.setOption(option);
      el.dataset.rendered = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', render); } else { render(); }
})();
