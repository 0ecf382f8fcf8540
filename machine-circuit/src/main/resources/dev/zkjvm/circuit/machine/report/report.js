// The trace report's plots: configures uPlot (inlined above) on the data the page carries in
// #report-data. All drawing is uPlot's; this file only shapes the data and the options.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var MARK = 'rgb(220, 0, 0)';
  var READ = '#1f77b4';
  var WRITE = '#ff7f0e';
  var LANE_FILL = {
    memory: 'rgba(31, 119, 180, 0.10)',
    stack: 'rgba(44, 160, 44, 0.13)',
    registers: 'rgba(148, 103, 189, 0.16)',
    buffer: 'rgba(127, 127, 127, 0.28)',
    outside: 'rgba(220, 0, 0, 0.07)'
  };

  // Records and steps are whole numbers: ticks at 1, 2, 5 times a power of ten, never between.
  var WHOLE = [];
  for (var p = 1; p <= 1e12; p *= 10) {
    WHOLE.push(p, 2 * p, 5 * p);
  }

  function width(el) {
    return Math.max(400, el.clientWidth || 800);
  }

  function lineText(line) {
    var l = data.lines[line];
    return l ? 'run ' + l.run + ', pc ' + l.pc + ': ' + l.text : '';
  }

  function constant(n, v) {
    var a = new Array(n);
    for (var i = 0; i < n; i++) {
      a[i] = v;
    }
    return a;
  }

  function scatter(label, colour, size) {
    return {
      label: label,
      stroke: colour,
      fill: colour,
      paths: function () { return null; },
      points: { show: true, size: size, space: 0, width: 1, stroke: colour, fill: colour }
    };
  }

  function memoryPlot() {
    var m = data.memory;
    var el = document.getElementById('memory-plot');
    var n = m.x.length;
    var reads = new Array(n);
    var writes = new Array(n);
    var failing = new Array(n);
    var marked = {};
    m.failing.forEach(function (r) { marked[r] = true; });
    for (var i = 0; i < n; i++) {
      reads[i] = m.w[i] ? null : m.y[i];
      writes[i] = m.w[i] ? m.y[i] : null;
      failing[i] = marked[m.x[i]] ? m.y[i] : null;
    }
    var series = [{ label: 'record' }];
    var columns = [m.x];
    var bands = [];
    m.lanes.forEach(function (lane) {
      var top = series.length;
      series.push({ label: lane.kind + ' top', stroke: 'transparent', width: 0, points: { show: false } });
      series.push({ label: lane.kind + ' bottom', stroke: 'transparent', width: 0, points: { show: false } });
      columns.push(constant(n, lane.y1), constant(n, lane.y0));
      bands.push({ series: [top, top + 1], fill: LANE_FILL[lane.kind] });
    });
    // Writes first and larger, so that a read of the same cell at the same time shows inside them;
    // a few points can be larger than a dense cloud.
    var big = n < 2000;
    series.push(scatter('write', WRITE, big ? 10 : 7), scatter('read', READ, big ? 6 : 4), scatter('failing', MARK, 12));
    columns.push(writes, reads, failing);
    var ticks = [];
    m.lanes.forEach(function (lane) {
      if (lane.touched) {
        ticks.push({ y: lane.y0 + (lane.y1 - lane.y0) * 0.5 / (lane.last - lane.first + 1), label: String(lane.first) });
        if (lane.last > lane.first) {
          ticks.push({ y: lane.y1 - (lane.y1 - lane.y0) * 0.5 / (lane.last - lane.first + 1), label: String(lane.last) });
        }
      }
    });
    var readout = document.getElementById('memory-readout');
    var plot = new uPlot({
      width: width(el),
      height: 440,
      legend: { show: false },
      scales: { x: { time: false }, y: { auto: false, range: [0, m.height] } },
      axes: [
        { label: 'time (record index)', incrs: WHOLE },
        {
          label: 'cell (each section\u2019s lane spans the cells it accessed)',
          size: 80,
          splits: function () { return ticks.map(function (t) { return t.y; }); },
          values: function () { return ticks.map(function (t) { return t.label; }); }
        }
      ],
      bands: bands,
      series: series,
      hooks: {
        setCursor: [function (u) {
          var i = u.cursor.idx;
          if (i == null) {
            return;
          }
          readout.textContent = 'record ' + m.x[i] + ': ' + (m.w[i] ? 'write' : 'read') + ' of cell ' + m.cell[i]
            + (m.step[i] >= 0 ? ' by step ' + m.step[i] + ' (' + lineText(m.line[i]) + ')' : '')
            + (marked[m.x[i]] ? ' \u2014 FAILING' : '');
        }]
      }
    }, columns, el);
    return plot;
  }

  function depthPlot() {
    var d = data.depth;
    var el = document.getElementById('depth-plot');
    var marked = {};
    d.failing.forEach(function (s) { marked[s] = true; });
    var failing = d.x.map(function (s, i) { return marked[s] ? d.y[i] : null; });
    var readout = document.getElementById('depth-readout');
    return new uPlot({
      width: width(el),
      height: 220,
      legend: { show: false },
      scales: { x: { time: false } },
      axes: [{ label: 'step', incrs: WHOLE }, { label: 'stack depth', size: 60, incrs: WHOLE }],
      series: [
        { label: 'step' },
        { label: 'depth', stroke: '#2ca02c', width: 1.5, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } },
        scatter('failing', MARK, 11)
      ],
      hooks: {
        setCursor: [function (u) {
          var i = u.cursor.idx;
          if (i == null) {
            return;
          }
          readout.textContent = 'step ' + d.x[i] + ': depth ' + d.y[i] + ' before ' + lineText(d.line[i])
            + (marked[d.x[i]] ? ' \u2014 FAILING' : '');
        }]
      }
    }, [d.x, d.y, failing], el);
  }

  window.zkReport = { data: data, memoryPlot: memoryPlot(), depthPlot: depthPlot() };
})();
