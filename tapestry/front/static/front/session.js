/* Keeps a signed-in user's work: a warning before the session ends, with a button to stay signed
 * in, and the autosave of a form marked data-autosave-url (the note form) a few seconds after each
 * change. Without JavaScript pages work as before: the form saves its draft when submitted. */
(function () {
  "use strict";

  var script = document.currentScript;
  var sessionMs = (Number(script.dataset.sessionSeconds) || 1800) * 1000;
  var warnMs = Math.min(120000, sessionMs / 4);
  var extendUrl = script.dataset.extendUrl;
  var loginUrl = script.dataset.loginUrl;
  var texts = {};
  try {
    texts = JSON.parse(script.dataset.texts || "{}"); // the page's language (templatetags/session_watch.py)
  } catch (error) {
    texts = {};
  }

  function phrase(key, time) {
    return String(texts[key] || key).replace("%(time)s", time || "");
  }
  var SHARED_KEY = "tapestry.lastContact"; // a time only: other tabs' requests renew the session too
  var SAVE_DELAY_MS = 3000;

  var lastContact = Date.now();
  var ended = false;
  var lastSaved = null;

  function shared(value) {
    try {
      if (value !== undefined) window.localStorage.setItem(SHARED_KEY, String(value));
      return Number(window.localStorage.getItem(SHARED_KEY)) || 0;
    } catch (error) {
      return 0; // storage blocked: this tab's own clock still works
    }
  }

  function touch() {
    lastContact = Date.now();
    shared(lastContact);
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    try {
      return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
    } catch (error) {
      return "";
    }
  }

  function clock(ms) {
    var when = new Date(ms);
    return String(when.getHours()).padStart(2, "0") + ":" + String(when.getMinutes()).padStart(2, "0");
  }

  // The banner at the top of the page -----------------------------------------------------------

  var banner = null;

  function showBanner(state, text, action) {
    if (banner && banner.dataset.state === state) return; // unchanged: do not announce it again
    hideBanner();
    banner = document.createElement("div");
    banner.className = "banner emergency session-warning";
    banner.setAttribute("role", "alert");
    banner.dataset.state = state;
    var message = document.createElement("p");
    message.textContent = text;
    banner.appendChild(message);
    if (action) banner.appendChild(action);
    var main = document.getElementById("main") || document.body;
    main.insertBefore(banner, main.firstChild);
  }

  function hideBanner() {
    if (banner) banner.remove();
    banner = null;
  }

  function stayButton() {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = phrase("stay");
    button.addEventListener("click", extend);
    return button;
  }

  function signInLink() {
    var link = document.createElement("a");
    link.className = "button";
    link.href = loginUrl + "?next=" + encodeURIComponent(window.location.pathname + window.location.search);
    link.textContent = phrase("signInAgain");
    return link;
  }

  function sessionEnded() {
    ended = true;
    var text = lastSaved ? phrase("endedSaved", lastSaved) : phrase("ended");
    showBanner("ended", text, signInLink());
  }

  function extend() {
    fetch(extendUrl, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    })
      .then(function (response) {
        if (response.ok) {
          touch();
          hideBanner();
        } else {
          sessionEnded();
        }
      })
      .catch(function () {
        showBanner("offline", phrase("offline"), stayButton());
      });
  }

  function watch() {
    if (ended) return;
    var left = sessionMs - (Date.now() - Math.max(lastContact, shared()));
    if (left <= 0) {
      sessionEnded();
    } else if (left <= warnMs) {
      var end = clock(Date.now() + left);
      showBanner("warning", phrase("warning", end), stayButton());
    } else if (banner && banner.dataset.state === "warning") {
      hideBanner(); // another tab renewed the session
    }
  }

  touch();
  window.setInterval(watch, 1000);
  document.addEventListener("htmx:afterRequest", touch);

  // Autosave ----------------------------------------------------------------------------------------

  var form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  var url = form.dataset.autosaveUrl;
  var status = form.querySelector("[data-autosave-status]");
  var dirty = false;
  var saving = false;
  var stopped = false;
  var submitAfterSave = null;
  var timer = null;

  function say(text, problem) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("error", Boolean(problem));
    status.classList.toggle("muted", !problem);
  }

  function setVersion(version) {
    var input = form.querySelector("input[name=version]");
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "version";
      form.appendChild(input);
    }
    input.value = version;
  }

  function saved(body) {
    touch();
    lastSaved = body.saved_at;
    url = body.autosave_url;
    // From now on the form changes this draft, and a reload or a sign-in comes back to it.
    form.action = body.edit_url;
    setVersion(body.version);
    if (window.location.pathname !== body.edit_url) window.history.replaceState(null, "", body.edit_url);
    say(phrase("saved", body.saved_at), false);
  }

  function finished() {
    saving = false;
    if (submitAfterSave) {
      var submitter = submitAfterSave;
      submitAfterSave = null;
      form.requestSubmit(submitter.form === form ? submitter : undefined);
    } else if (dirty && !stopped) {
      timer = window.setTimeout(save, SAVE_DELAY_MS);
    }
  }

  function answer(response) {
    if (response.type === "opaqueredirect" || response.status === 401) {
      stopped = true;
      sessionEnded();
      return;
    }
    var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
    if (!json) {
      stopped = true;
      say(phrase("stale"), true);
      return;
    }
    return response.json().then(function (body) {
      if (response.ok) {
        saved(body);
      } else if (response.status === 409 || response.status === 403) {
        stopped = true; // saving again would overwrite someone's newer text, or is not allowed
        say(body.detail, true);
      } else {
        say(body.detail, false); // not complete enough to keep yet: the next change tries again
      }
    });
  }

  function save() {
    window.clearTimeout(timer);
    if (saving || stopped || ended || !dirty) return;
    dirty = false;
    saving = true;
    say(phrase("saving"), false);
    fetch(url, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    })
      .then(answer)
      .catch(function () {
        dirty = true;
        say(phrase("unreachable"), true);
      })
      .then(finished);
  }

  function changed() {
    if (stopped) return;
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, SAVE_DELAY_MS);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) {
    window.clearTimeout(timer);
    dirty = false;
    if (saving) {
      // Let the save in flight finish first, so the form carries the version it produced.
      event.preventDefault();
      submitAfterSave = event.submitter || form;
    }
  });
})();
