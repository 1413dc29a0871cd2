// The progress of a monthly report: polls its status in the API until it is done (then shows the download link)
// or failed (then shows the reason). Labels come from the section's data attributes, in the page's language.
(function () {
  'use strict';
  var section = document.getElementById('report-progress');
  if (!section) {
    return;
  }
  var bar = section.querySelector('progress');
  var status = section.querySelector('.report-status');
  var percent = section.querySelector('.report-percent');
  var failure = section.querySelector('.report-failure');
  var done = section.querySelector('.report-done');
  var url = section.dataset.statusUrl;

  function show(job) {
    bar.value = job.progress;
    percent.textContent = job.progress + '%';
    status.textContent = section.getAttribute('data-label-' + job.status) || job.status;
    section.dataset.status = job.status;
    if (job.status === 'DONE') {
      done.hidden = false;
      if (typeof job.rows === 'number') {
        percent.textContent = '100% · ' + section.dataset.rowsText.replace('{0}', job.rows);
      }
    }
    if (job.status === 'FAILED') {
      failure.textContent = job.error || '';
      failure.hidden = false;
    }
  }

  // the same job in the list of earlier reports, which was drawn when the page loaded
  function showInList(job) {
    var row = document.querySelector('tr[data-job-id="' + job.jobId + '"]');
    if (!row) {
      return;
    }
    var label = section.getAttribute('data-label-' + job.status) || job.status;
    row.querySelector('.job-status').textContent = job.status === 'QUEUED' || job.status === 'RUNNING'
      ? label + ' ' + job.progress + '%' : label;
    row.querySelector('.job-rows').textContent = typeof job.rows === 'number' ? String(job.rows) : '';
    var file = row.querySelector('.job-file');
    if (job.status === 'DONE' && job.file && !file.querySelector('a')) {
      var link = document.createElement('a');
      link.href = job.file;
      link.textContent = section.dataset.downloadText;
      file.appendChild(link);
    }
  }

  function poll() {
    fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (job) {
        show(job);
        showInList(job);
        if (job.status === 'QUEUED' || job.status === 'RUNNING') {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }

  if (section.dataset.status === 'QUEUED' || section.dataset.status === 'RUNNING') {
    poll();
  }
}());
