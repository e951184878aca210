// Runs before the first paint, while the app's WebAssembly downloads.
//
// Applies the theme the user chose (saved with the workspace) before the first paint, so
// choosing light while the system prefers dark (or the other way round) never flashes the
// other palette while the app loads. From then on the app (src/ui/app.rs) keeps `data-theme`.
(() => {
  try {
    const stored = localStorage.getItem("ironplan:index");
    // Someone with plans sees "Opening your plans" while the app starts, not the welcome.
    if (stored !== null) document.documentElement.setAttribute("data-returning", "");
    const index = JSON.parse(stored ?? "null");
    const theme = index?.settings?.theme;
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
  } catch {
    // Unreadable storage: the app says so once it runs; meanwhile the system's theme shows.
  }
})();

// Should the app fail to start (a browser without WebAssembly, a file that did not download),
// the loading screen says so instead of waiting for ever.
(() => {
  const failed = (reason) => {
    const shell = document.getElementById("app-shell");
    if (!shell) return; // the app is running: its own messages cover its errors
    for (const status of shell.querySelectorAll(".app-shell__status")) {
      status.textContent =
        "Ironplan could not start in this browser (" + reason + "). Reload the page to try again; your saved plans are untouched.";
      status.classList.add("app-shell__failed");
    }
  };
  // The loader is a module script: what stops it (a failed download or compile) is reported as
  // an error event on the window; a rejected promise elsewhere as unhandledrejection.
  window.addEventListener("error", (event) => failed(String(event.error?.message ?? event.message)));
  window.addEventListener("unhandledrejection", (event) => failed(String(event.reason?.message ?? event.reason)));
  if (typeof WebAssembly !== "object") {
    document.addEventListener("DOMContentLoaded", () => failed("it does not run WebAssembly"));
  }
})();
