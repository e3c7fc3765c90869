// The Exams feature's page script (no inline script: the CSP allows none).
// An attempt: counts down to the deadline the server gave (its seconds left when the page was rendered) and, at zero,
// hands the form in; it decides nothing — the server refuses answers that come after the deadline and its grace.
// A contest's ranking: fetches the page again every few seconds and swaps the ranking in place.
(function () {
  'use strict';

  var clock = document.querySelector('[data-exam-seconds-left]');
  if (clock && !clock.getAttribute('data-exam-started')) {
    clock.setAttribute('data-exam-started', '1');
    var form = document.getElementById(clock.getAttribute('data-exam-form'));
    var left = parseInt(clock.getAttribute('data-exam-seconds-left'), 10) || 0;
    var ends = Date.now() + left * 1000;
    var sent = false;
    var pad = function (n) { return n < 10 ? '0' + n : String(n); };
    var show = function (s) {
      var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
      clock.textContent = (h > 0 ? h + ':' + pad(m) : String(m)) + ':' + pad(sec);
      if (s <= 60) clock.classList.add('red');
    };
    var tick = function () {
      var s = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
      show(s);
      if (s === 0 && form && !sent) {
        sent = true;
        var action = document.createElement('input');
        action.type = 'hidden';
        action.name = 'action';
        action.value = 'submit';
        form.appendChild(action);
        form.submit();
      }
    };
    tick();
    setInterval(tick, 1000);
  }

  var ranking = document.querySelector('[data-ranking-refresh]');
  if (ranking) {
    var every = Math.max(3, parseInt(ranking.getAttribute('data-ranking-refresh'), 10) || 10) * 1000;
    var refresh = function () {
      if (document.visibilityState !== 'visible') return;
      fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-ranking-refresh]');
          if (fresh) ranking.innerHTML = fresh.innerHTML;
        })
        .catch(function () { /* the next round tries again */ });
    };
    setInterval(refresh, every);
  }
})();
