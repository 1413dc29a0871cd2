// A warning's progress in "real time": polls the API every 10 seconds and updates the counts of each row in place.
(function () {
  'use strict';
  var section = document.getElementById('warning-progress');
  if (!section) {
    return;
  }
  var fields = ['total', 'reached', 'notHome', 'refused', 'open', 'expired'];

  function fill(key, row) {
    var tr = section.querySelector('tr[data-row="' + key + '"]');
    if (!tr) {
      return;
    }
    fields.forEach(function (f) {
      var cell = tr.querySelector('[data-field="' + f + '"]');
      if (cell) {
        cell.textContent = row[f];
      }
    });
    var done = row.reached + row.notHome + row.refused;
    var percent = tr.querySelector('[data-field="percent"]');
    if (percent) {
      percent.textContent = (row.total ? Math.floor(100 * done / row.total) : 0) + '%';
    }
  }

  function poll() {
    fetch(section.dataset.url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (progress) {
        if (!progress) {
          return;
        }
        fill('total', progress.unit);
        progress.children.forEach(function (row) {
          fill(row.unitId === null ? 'direct' : row.unitId, row);
        });
        section.dataset.refreshed = String(Date.now());
      }, function () {
        // no network: the next poll tries again
      });
  }

  setInterval(poll, 10000);
}());
