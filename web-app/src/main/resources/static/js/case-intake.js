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
