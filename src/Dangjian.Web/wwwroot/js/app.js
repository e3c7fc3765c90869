// Behaviour every page shares, with no inline script (the pages' Content-Security-Policy allows none):
// a button with data-confirm asks before it submits (destructive actions), a button with data-print prints the page.
document.addEventListener('click', function (e) {
  var target = e.target instanceof Element ? e.target : null;
  if (!target) return;
  var ask = target.closest('[data-confirm]');
  if (ask && !window.confirm(ask.getAttribute('data-confirm'))) {
    e.preventDefault();
    e.stopImmediatePropagation();
    return;
  }
  if (target.closest('[data-print]')) {
    e.preventDefault();
    window.print();
  }
}, true);
