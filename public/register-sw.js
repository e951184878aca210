// Registers the service worker that makes Ironplan work offline, and tells the app when a new
// version has been downloaded in the background. The app shows "A new version is available"
// and only switches when the user presses "Reload": it never reloads by itself.
(() => {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  let waiting = null;
  const announce = (worker) => {
    waiting = worker;
    window.dispatchEvent(new CustomEvent("ironplan:update-available"));
  };
  const watch = (registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
      });
    });
    const check = () => registration.update().catch(() => {});
    setInterval(check, 30 * 60 * 1000);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") check();
    });
  };
  let reloading = false;
  window.ironplanApplyUpdate = () => {
    if (!waiting) return false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (reloading) return;
      reloading = true;
      location.reload();
    });
    waiting.postMessage("skip-waiting");
    return true;
  };
  window.ironplanUpdateReady = () => waiting !== null;
  window.addEventListener("load", () => {
    navigator.serviceWorker
      .register("./sw.js")
      .then(watch)
      .catch((error) => console.warn("Ironplan: offline mode is unavailable:", error));
  });
})();
