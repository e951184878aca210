// Applies the theme the user chose (saved with the workspace) before the first paint, so
// choosing light while the system prefers dark (or the other way round) never flashes the
// other palette while the app loads. From then on the app (src/ui/app.rs) keeps `data-theme`.
(() => {
  try {
    const index = JSON.parse(localStorage.getItem("ironplan:index") ?? "null");
    const theme = index?.settings?.theme;
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
  } catch {
    // Unreadable storage: the app says so once it runs; meanwhile the system's theme shows.
  }
})();
