// The page's first screen, before and without the wasm (docs/offline.md): index.html shows the
// app's name, Quick exit and "Opening your plan…"; this script makes that Quick exit leave as the
// app's does (src/state/safety.rs): hide the page, then replace it and its history entry with
// the neutral page the link names, so Back does not return here. Without this script the link
// still leaves (adding a history entry). The app removes the shell when it has drawn its own.
'use strict';
(() => {
  const exit = document.getElementById('boot-exit');
  if (!exit) return;
  exit.addEventListener('click', (event) => {
    event.preventDefault();
    document.body.hidden = true;
    document.title = 'Google';
    location.replace(exit.href);
  });
})();
