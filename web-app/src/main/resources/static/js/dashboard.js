// The dashboard's charts (ECharts): the monthly trend, the categories and the child units' closure rates.
// The figures come from the page as JSON in data-chart (the CSP allows no inline script); a click on a month or a
// category opens the cases it counts, a click on a unit drills down to its dashboard.
(function () {
  'use strict';
  var holder = document.getElementById('dashboard-chart-data');
  if (!holder || typeof window.echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.dataset.chart || '{}');
  var wall = holder.dataset.wall === 'true';
  var text = wall ? 20 : 13;
  var charts = [];
  var colours = { good: '#2f9e44', fair: '#f59f00', poor: '#e03131', none: '#adb5bd' };

  function open(hrefs, index) {
    var href = hrefs && hrefs[index];
    if (href) {
      window.location.assign(href);
    }
  }

  function chart(id, option, hrefs) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    // a wall screen is dark (a control room's screen is watched for hours): ECharts' own dark theme
    var instance = window.echarts.init(element, wall ? 'dark' : null, { renderer: 'canvas' });
    option.textStyle = { fontSize: text };
    if (wall) {
      option.backgroundColor = 'transparent';
    }
    option.animation = false;
    instance.setOption(option);
    instance.on('click', function (event) {
      open(hrefs, event.dataIndex);
    });
    element.dataset.rendered = 'true';
    charts.push(instance);
  }

  var labels = data.labels || {};
  chart('dashboard-trend', {
    tooltip: { trigger: 'axis' },
    // at the top, where grid.top leaves room (ECharts 6 puts a legend at the bottom by default)
    legend: { top: 0, data: [labels.received, labels.closed, labels.closureRate], textStyle: { fontSize: text } },
    grid: { left: 56, right: 56, bottom: 40, top: 48 },
    xAxis: { type: 'category', data: data.months || [], axisLabel: { fontSize: text } },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { fontSize: text } },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: text } }
    ],
    series: [
      { name: labels.received, type: 'bar', data: data.received || [], itemStyle: { color: '#5c7cfa' } },
      { name: labels.closed, type: 'bar', data: data.closed || [], itemStyle: { color: '#2f9e44' } },
      { name: labels.closureRate, type: 'line', yAxisIndex: 1, data: data.closureRate || [], connectNulls: false,
        itemStyle: { color: '#b71c1c' }, symbolSize: wall ? 12 : 8 }
    ]
  }, data.monthHrefs);

  chart('dashboard-categories', {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [{
      // labels stay inside the chart on a tablet: a smaller ring leaves them room, long names wrap, and ECharts
      // moves labels that would leave the canvas back in (alignTo edge)
      type: 'pie', radius: ['30%', '55%'], avoidLabelOverlap: true,
      label: { fontSize: text, overflow: 'break', width: wall ? 160 : 84, alignTo: 'edge', edgeDistance: 8 },
      labelLine: { length: 8, length2: 6 },
      data: (data.categories || []).map(function (name, i) {
        return { name: name, value: data.categoryReceived[i] };
      })
    }]
  }, data.categoryHrefs);

  var unitsElement = document.getElementById('dashboard-units');
  if (unitsElement) {
    unitsElement.style.height = Math.max(160, (data.units || []).length * (wall ? 44 : 30) + 40) + 'px';
  }
  // the axis starts just below the lowest rate shown, so that units at 97 % and 99 % can be told apart (a rate
  // axis from 0 drew every bar the same length); each bar carries its value
  var shownRates = (data.unitRates || []).filter(function (r) { return r !== null && r !== undefined; });
  var lowest = shownRates.length ? Math.min.apply(null, shownRates) : 0;
  var axisMin = Math.max(0, Math.floor((lowest - 2) / 5) * 5);
  chart('dashboard-units', {
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '—' : v + '%'; } },
    grid: { left: 8, right: 48, bottom: 8, top: 8, containLabel: true },
    xAxis: { type: 'value', min: axisMin, max: 100, axisLabel: { formatter: '{value}%', fontSize: text } },
    yAxis: { type: 'category', inverse: true, data: data.units || [], axisLabel: { fontSize: text } },
    series: [{
      name: labels.closureRate, type: 'bar',
      label: { show: true, position: 'right', formatter: '{c}%', fontSize: text },
      data: (data.unitRates || []).map(function (rate, i) {
        return { value: rate, itemStyle: { color: colours[data.unitColours[i]] || colours.none } };
      })
    }]
  }, data.unitHrefs);

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
  if (wall) {
    // a wall screen stays current without anyone touching it
    window.setTimeout(function () { window.location.reload(); }, 5 * 60 * 1000);
  }
}());
