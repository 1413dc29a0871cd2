// Fills the optional position of the intake form from the device when the user taps the button.
(function () {
  'use strict';
  var button = document.getElementById('case-locate');
  var status = document.getElementById('case-locate-status');
  if (!button || !status) {
    return;
  }
  button.addEventListener('click', function () {
    if (!navigator.geolocation) {
      status.textContent = status.dataset.failed;
      return;
    }
    status.textContent = status.dataset.working;
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById('lat').value = pos.coords.latitude.toFixed(6);
      document.getElementById('lng').value = pos.coords.longitude.toFixed(6);
      status.textContent = '';
    }, function () {
      status.textContent = status.dataset.failed;
    }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
  });
}());

// Keeps the report on the device until the server has it: every change is saved (per user, without the reporter's
// name and phone), a reload brings it back with the same idempotency key, and a send that fails for lack of network
// is retried with the same key when the network returns, so the case is filed once.
(function () {
  'use strict';
  var form = document.querySelector('form[data-testid=case-intake]');
  var status = document.getElementById('case-draft-status');
  if (!form || !status || !window.fetch || !window.FormData) {
    return;
  }
  var storeKey = 'gridgov.caseDraft.' + (form.dataset.user || '');
  var kept = ['idempotencyKey', 'gridUnitId', 'categoryCode', 'nature', 'urgent', 'address', 'lat', 'lng',
    'description'];
  var retryTimer = null;
  var pending = null;

  function show(text) {
    status.textContent = text || '';
    status.hidden = !text;
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function save() {
    var store = storage();
    if (!store) {
      return;
    }
    var draft = {savedAt: Date.now(), photo: false};
    kept.forEach(function (name) {
      var fields = form.elements[name];
      if (!fields) {
        return;
      }
      if (fields.length !== undefined && fields.tagName === undefined) { // radio group
        for (var i = 0; i < fields.length; i++) {
          if (fields[i].checked) {
            draft[name] = fields[i].value;
          }
        }
      } else if (fields.type === 'checkbox') {
        draft[name] = fields.checked;
      } else {
        draft[name] = fields.value;
      }
    });
    var photo = form.elements.photo;
    draft.photo = !!(photo && photo.files && photo.files.length);
    try {
      store.setItem(storeKey, JSON.stringify(draft));
    } catch (e) {
      // storage full or disabled: the form still works, it just is not kept across a reload
    }
  }

  function restore() {
    var store = storage();
    var raw = store && store.getItem(storeKey);
    if (!raw) {
      return;
    }
    var draft;
    try {
      draft = JSON.parse(raw);
    } catch (e) {
      store.removeItem(storeKey);
      return;
    }
    kept.forEach(function (name) {
      var fields = form.elements[name];
      if (!fields || draft[name] === undefined) {
        return;
      }
      if (fields.length !== undefined && fields.tagName === undefined) {
        for (var i = 0; i < fields.length; i++) {
          fields[i].checked = fields[i].value === draft[name];
        }
      } else if (fields.type === 'checkbox') {
        fields.checked = draft[name] === true;
      } else if (!(fields.disabled || (fields.tagName === 'SELECT' && fields.options.length < 2 && name === 'gridUnitId'))) {
        fields.value = draft[name];
      }
    });
    show(draft.photo ? status.dataset.restoredPhoto : status.dataset.restored);
  }

  function clear() {
    var store = storage();
    if (store) {
      store.removeItem(storeKey);
    }
  }

  function nativeSubmit() {
    HTMLFormElement.prototype.submit.call(form);
  }

  function send() {
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    fetch(form.action, {method: 'POST', body: pending, credentials: 'same-origin'}).then(function (response) {
      var path = new URL(response.url, window.location.href).pathname;
      if (response.ok && response.redirected && /\/cases\/\d+$/.test(path)) {
        clear();
        window.location.assign(response.url);
      } else {
        // the server answered (a field to correct, a signed-out session …): let it render its page; the key and
        // the draft stay, so nothing is filed twice and nothing is lost
        nativeSubmit();
      }
    }, function () {
      show(status.dataset.offline);
      retryTimer = setTimeout(retry, 10000);
    });
  }

  function retry() {
    if (navigator.onLine === false) {
      retryTimer = setTimeout(retry, 10000);
      return;
    }
    show(status.dataset.retrying);
    send();
  }

  if (form.dataset.invalid === 'true') {
    save(); // the server's page shows what was sent: keep that, with its key
  } else {
    restore();
  }
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (pending) {
      return; // already on its way (or waiting for the network)
    }
    save();
    pending = new FormData(form);
    show(status.dataset.sending);
    send();
  });
  window.addEventListener('online', function () {
    if (pending && retryTimer) {
      retry();
    }
  });
}());
