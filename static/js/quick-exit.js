// Quick exit. The control with id="quick-exit" is a plain link to a neutral
// site (rel="noreferrer"), so it works without this script. With it:
//   - a tap, Esc, or Shift pressed three times (GOV.UK's pattern) leaves;
//   - the page is hidden first, so nothing of it shows while the neutral site
//     loads (slow networks, the app switcher, in-app browsers);
//   - location.replace swaps this page's history entry for the neutral site,
//     so Back does not come back here.
// Written as ES5 for old Android WebViews. No storage, no requests of its own.
(function () {
  'use strict';
  var link = document.getElementById('quick-exit');
  if (!link || !window.addEventListener) {
    return;
  }
  var shifts = 0;
  var timer = 0;
  var modified = false;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.body.hidden = true;
    window.location.replace(link.href);
  }

  function isShift(e) {
    return e.key === 'Shift' || e.keyCode === 16;
  }

  link.addEventListener('click', leave);

  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Escape' || e.key === 'Esc' || e.keyCode === 27) && !e.isComposing) {
      leave(e);
    }
  }, true);

  // Shift on its own three times, each within five seconds of the last. Shift
  // used as a modifier (Shift+A) does not count, and any other key resets.
  document.addEventListener('keyup', function (e) {
    if (isShift(e) && !modified) {
      shifts += 1;
      clearTimeout(timer);
      if (shifts >= 3) {
        shifts = 0;
        leave();
      } else {
        timer = setTimeout(function () { shifts = 0; }, 5000);
      }
    } else if (!isShift(e)) {
      shifts = 0;
    }
    modified = e.shiftKey;
  }, true);

  // A browser that kept this page in its back-forward cache (the exit did not
  // replace it, e.g. an app opened the neutral site) shows it usable again.
  window.addEventListener('pageshow', function (e) {
    if (e.persisted) {
      document.body.hidden = false;
    }
  });
}());
