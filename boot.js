// The page's first screen, before and without the wasm (docs/offline.md): index.html shows the
// app's name, Quick exit and "Opening your plan…"; this script makes that Quick exit leave as the
// app's does (src/state/safety.rs): hide the page, then replace it and its history entry with
// the neutral page the link names, so Back does not return here. Without this script the link
// still leaves (adding a history entry). The app removes the shell when it has drawn its own.
'use strict';
// In Spanish (issue #18) when the app will open in Spanish: the language chosen on this device
// (the app's settings), else the browser's first known language. The words are the catalogue's
// (lang/es/app.json; tests/e2e/spanish.test.mjs checks they agree).
const SPANISH = { 'boot-exit': 'Salida rápida', 'boot-status': 'Abriendo su plan…' };
(() => {
  let chosen;
  try {
    // Framed by another page, the app reads no storage at all (ui::mount): nor does this.
    if (window.top === window.self) {
      chosen = JSON.parse(localStorage.getItem('partnership-planner:settings') ?? 'null')?.language;
    }
  } catch {
    chosen = undefined;
  }
  const browser = (navigator.languages ?? [navigator.language ?? ''])
    .map((tag) => String(tag).split(/[-_]/)[0].toLowerCase())
    .find((primary) => primary === 'es' || primary === 'en');
  if ((chosen ?? browser) !== 'es') return;
  document.documentElement.lang = 'es';
  for (const [id, text] of Object.entries(SPANISH)) {
    const el = document.getElementById(id);
    if (el) el.textContent = text;
  }
})();
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
