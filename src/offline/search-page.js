// The downloaded copy's search page. Runs inside the classic script bundle.ts builds, after the
// engine (`search`) and with the index in window.PARLEY_SEARCH_INDEX (offline/search-index.js).
// Results link to files relative to the search page ("../meetings/x/index.html").
/* global search */
(function () {
  var index = window.PARLEY_SEARCH_INDEX;
  var form = document.getElementById('offline-search-form');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!index || !form || !input || !status || !list) return;

  function run() {
    var term = input.value.trim();
    list.replaceChildren();
    if (!term) { status.textContent = ''; return; }
    var hits = search(index, term);
    status.textContent = hits.length + ' ' + (hits.length === 1 ? 'meeting' : 'meetings') + ' found';
    hits.slice(0, 50).forEach(function (hit) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '../' + hit.url + (hit.url === '' || hit.url.endsWith('/') ? 'index.html' : '');
      a.textContent = hit.meta.title || hit.url;
      var meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = [hit.meta.date, hit.meta.place].filter(Boolean).join(' · ');
      li.append(a, meta);
      list.append(li);
    });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  input.addEventListener('input', run);
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; run(); }
  // For tests and the curious: the same engine from the console.
  window.ParleySearch = { search: function (q) { return search(index, q); } };
})();
