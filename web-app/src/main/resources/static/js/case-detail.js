// After a report has been filed, the draft this user kept on the device for it is done with.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !/[?&]reported=true(&|$)/.test(window.location.search)) {
    return;
  }
  try {
    window.localStorage.removeItem('gridgov.caseDraft.' + (script.dataset.user || ''));
  } catch (e) {
    // no storage: nothing was kept
  }
}());
