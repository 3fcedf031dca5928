// Parley's offline client, loaded on every page as a classic script (the build writes it to
// <base>offline.js). It registers the service worker, tells the reader when a new version of the
// archive is ready ("Reload"), and runs the "Save the archive for offline use" control, with the
// size up front and progress while saving. It does nothing from file:// or without service workers.
(function () {
  'use strict';
  var script = document.currentScript;
  var base = (script && script.dataset.base) || '/';
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  var statusEl = document.getElementById('parley-offline-status');

  function formatBytes(n) {
    if (n < 1024 * 1024) return Math.max(1, Math.round(n / 1024)) + ' kB';
    return (n / (1024 * 1024)).toFixed(1) + ' MB';
  }

  function ask(worker, message, onMessage) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) { onMessage(event.data); };
    worker.postMessage(message, [channel.port2]);
  }

  function showUpdate(registration) {
    if (document.getElementById('parley-update')) return;
    var box = document.createElement('div');
    box.id = 'parley-update';
    box.setAttribute('role', 'status');
    box.style.cssText = 'position:fixed;inset:auto 1rem 1rem auto;z-index:20;max-width:22rem;padding:.75rem 1rem;border:1px solid currentColor;border-radius:.5rem;background:Canvas;color:CanvasText;box-shadow:0 2px 8px rgba(0,0,0,.25)';
    box.textContent = 'A new version of the archive is available. ';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', function () {
      var waiting = registration.waiting;
      if (waiting) waiting.postMessage({ type: 'skip-waiting' });
      else location.reload();
    });
    box.appendChild(button);
    document.body.appendChild(box);
  }

  function watchForUpdates(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) showUpdate(registration);
    registration.addEventListener('updatefound', function () {
      var incoming = registration.installing;
      if (!incoming) return;
      incoming.addEventListener('statechange', function () {
        // With a controller this is an update (a first install needs no notice).
        if (incoming.state === 'installed' && navigator.serviceWorker.controller) showUpdate(registration);
      });
    });
    var reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (reloading || !document.getElementById('parley-update')) return;
      reloading = true;
      location.reload();
    });
  }

  function render(s) {
    if (!statusEl) return;
    var download = statusEl.parentElement && statusEl.parentElement.querySelector('a[download]');
    if (download && s.zipBytes && !download.dataset.size) {
      download.dataset.size = String(s.zipBytes);
      download.textContent += ' (' + formatBytes(s.zipBytes) + ')';
    }
    statusEl.replaceChildren();
    statusEl.dataset.state = s.complete ? 'saved' : 'not-saved';
    if (s.complete) {
      statusEl.textContent = 'Saved for offline reading (' + formatBytes(s.totalBytes) + ').';
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Save the archive for offline use (' + formatBytes(s.totalBytes) + ')';
    var progress = document.createElement('progress');
    progress.max = s.totalBytes;
    progress.value = s.savedBytes;
    progress.hidden = true;
    var note = document.createElement('span');
    note.className = 'parley-offline-progress';
    button.addEventListener('click', function () {
      button.disabled = true;
      progress.hidden = false;
      navigator.serviceWorker.ready.then(function (registration) {
        ask(registration.active, { type: 'save' }, function (m) {
          if (m.type === 'progress') {
            progress.value = m.savedBytes;
            note.textContent = ' ' + formatBytes(m.savedBytes) + ' of ' + formatBytes(m.totalBytes) + ' saved';
          } else if (m.type === 'status') render(m);
          else if (m.type === 'error') { note.textContent = ' Saving stopped: ' + m.message; button.disabled = false; }
        });
      });
    });
    statusEl.append(button, ' ', progress, note);
  }

  navigator.serviceWorker.register(base + 'sw.js', { scope: base }).then(function (registration) {
    // A browser that blocks service workers may resolve with no registration rather than fail.
    if (!registration) throw new Error('service workers are blocked in this browser');
    watchForUpdates(registration);
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    ask(registration.active, { type: 'status' }, function (m) {
      if (m.type === 'status') render(m);
    });
  }).catch(function (error) {
    if (statusEl) statusEl.textContent = '';
    console.warn('Parley: offline reading is not available here:', error);
  });
})();
