// The category picker: typing narrows the minor categories (by name, code or major); one left is chosen.
(function () {
  'use strict';
  var filter = document.getElementById('category-filter');
  var select = document.getElementById('categoryCode');
  if (!filter || !select) {
    return;
  }
  filter.addEventListener('input', function () {
    var words = filter.value.trim().toLowerCase();
    var left = [];
    Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
      var shown = 0;
      Array.prototype.forEach.call(group.querySelectorAll('option'), function (option) {
        var text = (option.textContent + ' ' + option.value + ' ' + (option.dataset.major || '')).toLowerCase();
        option.hidden = words !== '' && text.indexOf(words) < 0;
        if (!option.hidden) {
          shown++;
          left.push(option);
        }
      });
      group.hidden = shown === 0;
    });
    if (words !== '' && left.length === 1) {
      select.value = left[0].value;
    }
  });
}());

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
