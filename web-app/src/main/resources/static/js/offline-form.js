// Tablet forms in the street (visits, patrols, door-knocks …): keeps what was typed on the device until the server has
// it, resizes photos in the browser, and resends with the same idempotency key when the network returns.
//
// Contract (see README "Forms on a weak network"):
//   <form method="post" data-offline-form="visit" data-user="grid1" data-draft-scope="42" data-done-path="^/visits/\d+$">
//     <input type="hidden" name="idempotencyKey" value="(a UUID from the server)">
//     <input type="file" accept="image/*" data-resize-max="1600">   resized to a JPEG before upload
//     <input name="phone" data-offline-skip>                        not kept on the device
//     <p data-offline-status …>                                     fragments :: offlineStatus
//   </form>
(function () {
  'use strict';
  if (!window.fetch || !window.FormData) {
    return;
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function keptFields(form) {
    var fields = [];
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.name === '_csrf' || el.type === 'file' || el.type === 'submit' || el.type === 'button'
          || el.hasAttribute('data-offline-skip')) {
        continue;
      }
      fields.push(el);
    }
    return fields;
  }

  // Longest side at most max pixels, JPEG 0.85; anything that is not a decodable image is sent as it is.
  function resized(file, max) {
    return new Promise(function (resolve) {
      if (!file || !/^image\//.test(file.type) || !window.createImageBitmap || !document.createElement('canvas').toBlob) {
        resolve(file);
        return;
      }
      createImageBitmap(file).then(function (bitmap) {
        var scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(bitmap.width * scale));
        canvas.height = Math.max(1, Math.round(bitmap.height * scale));
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          if (!blob) {
            resolve(file);
            return;
          }
          var name = (file.name || 'photo').replace(/\.[^.]*$/, '') + '.jpg';
          try {
            resolve(new File([blob], name, {type: 'image/jpeg'}));
          } catch (e) {
            blob.name = name;
            resolve(blob);
          }
        }, 'image/jpeg', 0.85);
      }, function () {
        resolve(file);
      });
    });
  }

  function payload(form) {
    var data = new FormData(form);
    var inputs = form.querySelectorAll('input[type=file][data-resize-max]');
    var jobs = [];
    Array.prototype.forEach.call(inputs, function (input) {
      if (!input.name || !input.files || !input.files.length) {
        return;
      }
      var max = parseInt(input.getAttribute('data-resize-max'), 10) || 1600;
      data.delete(input.name);
      Array.prototype.forEach.call(input.files, function (file) {
        jobs.push(resized(file, max).then(function (small) {
          return {name: input.name, file: small};
        }));
      });
    });
    return Promise.all(jobs).then(function (files) {
      files.forEach(function (f) {
        data.append(f.name, f.file, f.file.name || 'photo.jpg');
      });
      return data;
    });
  }

  function attach(form) {
    var status = form.querySelector('[data-offline-status]');
    var storeKey = 'gridgov.draft.' + form.getAttribute('data-offline-form') + '.' + (form.dataset.user || '')
        + (form.dataset.draftScope ? '.' + form.dataset.draftScope : '');
    var donePath = new RegExp(form.dataset.donePath || '^$');
    var pending = null;
    var retryTimer = null;

    function show(kind) {
      if (!status) {
        return;
      }
      var text = kind ? status.getAttribute('data-' + kind) : '';
      status.textContent = text || '';
      status.hidden = !text;
    }

    function save() {
      var store = storage();
      if (!store) {
        return;
      }
      var draft = {savedAt: Date.now(), values: {}, photo: false};
      keptFields(form).forEach(function (el) {
        if (el.type === 'checkbox' || el.type === 'radio') {
          draft.values[el.name + '\u0000' + el.value] = el.checked;
        } else if (el.tagName === 'SELECT' && el.multiple) {
          draft.values[el.name] = Array.prototype.filter.call(el.options, function (o) {
            return o.selected;
          }).map(function (o) {
            return o.value;
          });
        } else {
          draft.values[el.name] = el.value;
        }
      });
      Array.prototype.forEach.call(form.querySelectorAll('input[type=file]'), function (input) {
        draft.photo = draft.photo || !!(input.files && input.files.length);
      });
      try {
        store.setItem(storeKey, JSON.stringify(draft));
      } catch (e) {
        // storage full or disabled: the form still works, it is just not kept across a reload
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
      if (!draft || !draft.values) {
        return;
      }
      keptFields(form).forEach(function (el) {
        if (el.type === 'checkbox' || el.type === 'radio') {
          var v = draft.values[el.name + '\u0000' + el.value];
          if (v !== undefined) {
            el.checked = v === true;
          }
        } else if (el.tagName === 'SELECT' && el.multiple) {
          var chosen = draft.values[el.name];
          if (Array.isArray(chosen)) {
            Array.prototype.forEach.call(el.options, function (o) {
              o.selected = chosen.indexOf(o.value) >= 0;
            });
          }
        } else if (draft.values[el.name] !== undefined && !el.disabled && !el.readOnly
            && (el.tagName !== 'SELECT' || Array.prototype.some.call(el.options, function (o) {
              return o.value === draft.values[el.name];
            }))) {
          // a select keeps its own choice when the kept one is no longer offered (e.g. a grid since restructured)
          el.value = draft.values[el.name];
        }
      });
      show(draft.photo ? 'restored-photo' : 'restored');
    }

    function clear() {
      var store = storage();
      if (store) {
        store.removeItem(storeKey);
      }
    }

    function send() {
      if (retryTimer) {
        clearTimeout(retryTimer);
        retryTimer = null;
      }
      fetch(form.action, {method: 'POST', body: pending, credentials: 'same-origin'}).then(function (response) {
        var path = new URL(response.url, window.location.href).pathname;
        if (response.ok && response.redirected && donePath.test(path)) {
          clear();
          window.location.assign(response.url);
        } else {
          // the server answered (a field to correct, a signed-out session …): show the page it answered with, once,
          // instead of sending the form a second time; the key and the draft stay, so nothing is filed twice and
          // nothing is lost
          pending = null;
          response.text().then(function (html) {
            document.open();
            document.write(html);
            document.close();
          });
        }
      }, function () {
        show('offline');
        retryTimer = setTimeout(retry, 10000);
      });
    }

    function retry() {
      if (navigator.onLine === false) {
        retryTimer = setTimeout(retry, 10000);
        return;
      }
      show('retrying');
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
        return; // already on its way, or waiting for the network
      }
      save();
      pending = true;
      show('sending');
      payload(form).then(function (data) {
        pending = data;
        send();
      });
    });
    window.addEventListener('online', function () {
      if (pending && retryTimer) {
        retry();
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-offline-form]'), attach);
}());
