// The running patrol on the tablet: records the route with navigator.geolocation.watchPosition, keeps the points in
// local storage until the server has them (a dropped network loses nothing) and sends them in batches, each with an
// id of its own so that a resend after a lost answer is taken once. The latest position fills the "raise a case" form.
(function () {
  'use strict';
  var section = document.getElementById('patrol-tracker');
  if (!section) {
    return;
  }
  var patrolId = section.dataset.patrol;
  var prefix = 'gridgov.patrol.' + (section.dataset.user || '') + '.' + patrolId + '.';
  var status = document.getElementById('patrol-gps-status');
  var count = document.getElementById('patrol-point-count');
  var latInput = document.getElementById('patrol-case-lat');
  var lngInput = document.getElementById('patrol-case-lng');
  var sending = false;
  var timer = null;

  function store() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function read(name, fallback) {
    var s = store();
    try {
      var raw = s && s.getItem(prefix + name);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function write(name, value) {
    var s = store();
    if (!s) {
      return;
    }
    try {
      if (value === null) {
        s.removeItem(prefix + name);
      } else {
        s.setItem(prefix + name, JSON.stringify(value));
      }
    } catch (e) {
      // storage full: the points stay in memory only
    }
  }

  function show(kind) {
    status.textContent = section.getAttribute('data-' + kind) || '';
  }

  function flush() {
    if (sending) {
      return Promise.resolve();
    }
    var batch = read('pending', null);
    if (!batch) {
      var queue = read('queue', []);
      if (!queue.length) {
        return Promise.resolve();
      }
      batch = {batchId: patrolId + '-' + Date.now() + '-' + Math.random().toString(36).slice(2, 10), points: queue};
      write('pending', batch);
      write('queue', null);
    }
    sending = true;
    var headers = {'Content-Type': 'application/json'};
    headers[section.dataset.csrfHeader] = section.dataset.csrf;
    return fetch(section.dataset.pointsUrl, {method: 'POST', credentials: 'same-origin', headers: headers,
      body: JSON.stringify(batch)}).then(function (response) {
      sending = false;
      if (response.ok) {
        write('pending', null);
        show('ok');
        return response.json().then(function (result) {
          count.textContent = result.pointCount;
        });
      }
      if (response.status === 404 || response.status === 409 || response.status === 400) {
        write('pending', null); // ended, gone or refused: resending would not help
      }
      return null;
    }, function () {
      sending = false;
      show('buffered');
    });
  }

  function later() {
    if (!timer) {
      timer = setTimeout(function () {
        timer = null;
        flush();
      }, 1500);
    }
  }

  function recorded(position) {
    var c = position.coords;
    var queue = read('queue', []);
    queue.push({recordedAt: new Date(position.timestamp || Date.now()).toISOString(), lat: c.latitude,
      lng: c.longitude, accuracy: typeof c.accuracy === 'number' ? c.accuracy : null});
    write('queue', queue);
    if (latInput && lngInput) {
      latInput.value = c.latitude.toFixed(6);
      lngInput.value = c.longitude.toFixed(6);
    }
    later();
  }

  if (!navigator.geolocation) {
    show('unsupported');
  } else {
    show('waiting');
    navigator.geolocation.watchPosition(recorded, function (error) {
      show(error && error.code === 1 ? 'denied' : 'waiting');
    }, {enableHighAccuracy: true, maximumAge: 0, timeout: 30000});
  }
  setInterval(flush, 15000);
  window.addEventListener('online', flush);
  flush();

  // ending the patrol sends what is still on the device first (as far as the network allows)
  var end = document.getElementById('patrol-end-form');
  if (end) {
    end.addEventListener('submit', function (event) {
      if (end.dataset.flushed === 'true') {
        return;
      }
      event.preventDefault();
      var go = function () {
        end.dataset.flushed = 'true';
        HTMLFormElement.prototype.submit.call(end);
      };
      Promise.race([flush().then(flush), new Promise(function (resolve) {
        setTimeout(resolve, 5000);
      })]).then(go, go);
    });
  }
}());
