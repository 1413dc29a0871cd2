// A case's photos: a tap on a thumbnail shows the photo large in a dialog (closed by its button, Esc or a tap on
// the backdrop); without script the thumbnail's link opens the photo in a tab of its own.
(function () {
  'use strict';
  var viewer = document.getElementById('photo-viewer');
  if (!viewer || typeof viewer.showModal !== 'function') {
    return;
  }
  var image = viewer.querySelector('img');
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-photo-viewer]');
    if (!link) {
      return;
    }
    event.preventDefault();
    image.src = link.href;
    image.alt = link.title || '';
    viewer.showModal();
  });
  viewer.addEventListener('click', function (event) {
    if (event.target === viewer) {
      viewer.close();
    }
  });
}());
