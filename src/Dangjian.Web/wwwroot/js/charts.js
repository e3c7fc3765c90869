// Draws every [data-chart] element with ECharts (wwwroot/lib, from npm at build time); the option is the element's JSON.
(function () {
  if (!window.echarts) return;
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(JSON.parse(el.getAttribute('data-chart')));
    var link = el.getAttribute('data-chart-link');
    if (link) chart.on('click', function (p) { if (p.data && p.data.link) window.location.href = p.data.link; });
    el.setAttribute('data-chart-drawn', 'true');
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  var big = document.querySelector('[data-big-screen]');
  if (big) big.addEventListener('click', function () {
    document.body.classList.toggle('big-screen');
    if (document.fullscreenElement) document.exitFullscreen(); else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
    setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 300);
  });
})();
