// The Study feature's page script: heartbeats for the course wrapped by StudyTracker (no inline script: the CSP allows none).
// It claims no time: each heartbeat says only whether the page was visible and the media playing or the reader active;
// the server measures the time between accepted heartbeats by its own clock (docs/rules/education.md#e-4).
(function () {
  'use strict';
  var wrapper = document.querySelector('[data-study-course]');
  if (!wrapper || wrapper.getAttribute('data-study-started')) return;
  wrapper.setAttribute('data-study-started', '1');

  var courseId = wrapper.getAttribute('data-study-course');
  var kind = wrapper.getAttribute('data-study-kind');
  var interval = Math.max(5, parseInt(wrapper.getAttribute('data-heartbeat-seconds'), 10) || 30) * 1000;
  var media = kind === 'Video' || kind === 'Audio';
  var credit = wrapper.querySelector('[data-study-credit]');
  var api = '/api/v1/education/study/sessions';
  var sessionId = null;
  var restarts = 0;
  var active = false; // the reader scrolled, moved or touched since the last heartbeat
  var timer = null;

  function text(name) { return wrapper.getAttribute('data-text-' + name) || ''; }
  function show(message) { if (credit) credit.textContent = message; }
  function minutes(seconds) { return (Math.floor(seconds / 6) / 10).toFixed(1); }
  function showTotal(total, completed, reason) {
    var line = text('total').replace('{0}', minutes(total));
    if (completed) line += ' · ' + text('completed');
    if (reason === 'CapReached') line += ' · ' + text('cap');
    else if (reason === 'NotVisible' || reason === 'NotPlaying' || reason === 'NotScrolled') line += ' · ' + text('paused');
    show(line);
  }

  function player() { return wrapper.querySelector('video, audio'); }
  function playing() {
    var p = player();
    return !!p && !p.paused && !p.ended && p.readyState > 2;
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body || {})
    }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    });
  }

  function start() {
    return post(api, { courseId: courseId }).then(function (s) {
      sessionId = s.id;
      showTotal(s.totalSeconds, s.completed, null);
    }).catch(function () { show(text('error')); });
  }

  function beat() {
    if (!sessionId) {
      if (document.visibilityState === 'visible' && restarts > 0 && restarts < 20) { restarts++; start(); }
      return;
    }
    var visible = document.visibilityState === 'visible';
    // Sent also when hidden, paused or idle (credited nothing): the server's clock then moves on without counting.
    var p = player();
    var body = { visible: visible, playing: media ? playing() : false, scrolled: media ? false : active };
    if (p && isFinite(p.currentTime)) body.position = Math.floor(p.currentTime);
    active = false;
    post(api + '/' + sessionId + '/heartbeats', body).then(function (b) {
      showTotal(b.totalSeconds, b.completed, b.reason);
      if (!b.sessionOpen) {
        sessionId = null;
        // Expired (the page was away too long): a new session once the page is seen again; ended elsewhere (another tab,
        // another course): stop.
        if (b.reason === 'Expired') restarts++;
        else restarts = 99;
        show(text('ended'));
      }
    }).catch(function () { show(text('error')); });
  }

  ['scroll', 'mousemove', 'keydown', 'touchstart', 'pointerdown', 'wheel'].forEach(function (name) {
    window.addEventListener(name, function () { active = true; }, { passive: true });
  });

  window.addEventListener('pagehide', function () {
    if (timer) clearInterval(timer);
    if (sessionId && navigator.sendBeacon) navigator.sendBeacon(api + '/' + sessionId + '/end');
    sessionId = null;
  });

  start().then(function () { timer = setInterval(beat, interval); });
})();
