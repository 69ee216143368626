// The candidate's exam page (issue 5): waiting room → test → end screen.
//
// Every answer is sent the moment it is given, with a sequence number from a per-attempt
// counter kept in localStorage, so the server keeps the newest whatever order requests arrive
// in. Answers the server has not acknowledged stay in a localStorage queue and are resent, in
// sequence order, when the connection returns. The clock is the server's: the page only counts
// down to the deadline the server gave, corrected by the offset between the two clocks.
//
// No framework, no build step, no inline script (Content-Security-Policy). Texts come from the
// template (translated there) in <script id="exam-strings" type="application/json">.
(function () {
  "use strict";

  const root = document.getElementById("exam");
  if (!root) {
    return;
  }
  const T = JSON.parse(document.getElementById("exam-strings").textContent);
  const TOKEN = root.dataset.token;
  const API = root.dataset.api;
  const ATTEMPT = root.dataset.attempt;
  const POLL_MS = Number(root.dataset.pollSeconds || 10) * 1000;
  const WAIT_POLL_MS = Number(root.dataset.waitPollSeconds || 2.5) * 1000;
  const REQUEST_TIMEOUT_MS = 15000;
  const DEBOUNCE_MS = { short_text: 600, numeric: 600, essay: 1500 };
  const RETRY_MIN_MS = 1000;
  const RETRY_MAX_MS = 15000;
  const FINISHED = new Set(["submitted", "expired", "voided"]);
  const LANG = document.documentElement.lang || "vi";

  const $ = (id) => document.getElementById(id);

  // What the page knows; the server has the last word on all of it.
  let state = root.dataset.state; // the attempt's state, as last heard from the server
  let started = false; // the test is on screen
  let ended = false; // the end screen is shown
  let fatal = false; // this computer's token no longer works
  let starting = false;
  let submitting = false;
  let pollTimer = null;
  let deadlineMs = null; // the server's deadline, in the server's clock
  let offsetMs = 0; // server clock − this computer's clock
  let frozenRemaining = null; // seconds left while paused
  const items = new Map(); // item id → what the page holds for it
  const order = []; // item ids in form order
  let current = 0;
  let flags = new Set(); // flagged for review: on this computer only
  let listMode = false;

  function fmt(text, values) {
    return text.replace(/%\((\w+)\)s/g, (match, name) =>
      name in values ? String(values[name]) : match,
    );
  }

  // --- Local storage, per attempt ------------------------------------------------------------

  const store = {
    key: (name) => `sathach.exam.${ATTEMPT}.${name}`,
    get(name, fallback) {
      try {
        const raw = window.localStorage.getItem(this.key(name));
        return raw === null ? fallback : JSON.parse(raw);
      } catch (error) {
        return fallback;
      }
    },
    set(name, value) {
      try {
        window.localStorage.setItem(this.key(name), JSON.stringify(value));
      } catch (error) {
        // Storage full or disabled: the answer is still sent; only the offline copy is lost.
      }
    },
    clear() {
      for (const name of ["seq", "queue", "flags", "view", "current"]) {
        try {
          window.localStorage.removeItem(this.key(name));
        } catch (error) {
          /* nothing to do */
        }
      }
    },
  };

  // The sequence counter only grows, across reloads and (through the server's highest stored
  // number) across computers, so a newer answer always carries a higher number.
  let seqFloor = 0;
  function nextSeq() {
    const stored = Number(store.get("seq", 0)) || 0;
    const seq = Math.max(stored, seqFloor) + 1;
    seqFloor = seq;
    store.set("seq", seq);
    return seq;
  }

  function queueLoad() {
    const queue = store.get("queue", []);
    return Array.isArray(queue) ? queue.filter((e) => e && Number.isInteger(e.seq)) : [];
  }
  function queueSave(queue) {
    queue.sort((a, b) => a.seq - b.seq);
    store.set("queue", queue);
  }
  function enqueue(entry) {
    // Only the newest answer to an item needs sending: the server would keep it anyway.
    const queue = queueLoad().filter((e) => e.item !== entry.item);
    queue.push(entry);
    queueSave(queue);
  }
  function dequeue(item, seq) {
    queueSave(queueLoad().filter((e) => !(e.item === item && e.seq <= seq)));
  }
  function queued(item) {
    return queueLoad().some((e) => e.item === item);
  }

  // --- Talking to the server -----------------------------------------------------------------

  // Return {ok, data} on success, {refused, status, data} on a 4xx answer, or {network} when
  // the request did not get a usable answer (offline, timeout, 5xx): then it may be retried.
  async function call(method, path, body) {
    if (fatal) {
      return { refused: true, status: 401, data: {} };
    }
    const init = {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" },
      cache: "no-store",
      credentials: "omit",
    };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    init.signal = controller.signal;
    let response;
    try {
      response = await window.fetch(API + path, init);
    } catch (error) {
      window.clearTimeout(timer);
      connection(false);
      return { network: true };
    }
    let data = null;
    try {
      data = await response.json();
    } catch (error) {
      data = null;
    } finally {
      window.clearTimeout(timer);
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      connection(false);
      return { network: true, status: response.status };
    }
    connection(true);
    if (response.ok) {
      noteClock(data);
      return { ok: true, data: data || {} };
    }
    if (response.status === 401) {
      stopFatal(T.token_invalid);
    }
    return { refused: true, status: response.status, data: data || {} };
  }

  // --- Connection banner and resending --------------------------------------------------------

  let reachable = true; // the last request got an answer from the server
  let retryTimer = null;
  let retryDelay = RETRY_MIN_MS;

  function connection(up) {
    reachable = up;
    if (up) {
      retryDelay = RETRY_MIN_MS;
    }
    showConnection();
  }
  function showConnection() {
    const offline = !navigator.onLine || !reachable;
    $("offline-banner").hidden = !offline || fatal || ended;
  }
  function scheduleRetry() {
    if (retryTimer !== null || fatal || ended) {
      return;
    }
    const delay = retryDelay;
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    retryTimer = window.setTimeout(() => {
      retryTimer = null;
      flush();
    }, delay);
  }
  window.addEventListener("online", () => {
    showConnection();
    if (retryTimer !== null) {
      window.clearTimeout(retryTimer);
      retryTimer = null;
    }
    retryDelay = RETRY_MIN_MS;
    flush();
    poll(0);
  });
  window.addEventListener("offline", () => {
    reachable = false;
    showConnection();
  });

  let flushing = null;
  let flushAgain = false;

  // Send the queue, oldest sequence first; resolve true when it is empty.
  function flush() {
    if (flushing) {
      flushAgain = true;
      return flushing;
    }
    flushing = (async () => {
      let done;
      do {
        flushAgain = false;
        done = await drain();
      } while (flushAgain && done);
      return done;
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  async function drain() {
    for (;;) {
      if (fatal) {
        return false;
      }
      const queue = queueLoad();
      if (queue.length === 0) {
        return true;
      }
      const entry = queue[0];
      if (items.get(entry.item)?.status !== "unsent") {
        setStatus(entry.item, "sending");
      }
      const result = await call("POST", "answers", {
        item: entry.item,
        answer: entry.answer,
        seq: entry.seq,
      });
      if (result.ok) {
        dequeue(entry.item, entry.seq);
        const item = items.get(entry.item);
        if (item) {
          item.savedJson = JSON.stringify(entry.answer);
        }
        if (!queued(entry.item)) {
          setStatus(entry.item, "saved");
        }
        continue;
      }
      if (result.refused) {
        if (result.status === 401) {
          return false;
        }
        // The server refused this answer for good (deadline, pause, end): drop it, say why.
        dequeue(entry.item, entry.seq);
        const detail = result.data.detail;
        refuse(entry.item, typeof detail === "string" && detail ? detail : T.answer_refused);
        const code = result.data.code;
        if (code === "deadline" || code === "finished" || code === "paused") {
          poll(0);
        }
        continue;
      }
      for (const e of queueLoad()) {
        setStatus(e.item, "unsent");
      }
      scheduleRetry();
      return false;
    }
  }

  // --- The clock -----------------------------------------------------------------------------

  function parseTime(text) {
    // Python's isoformat gives microseconds; keep milliseconds for every browser's parser.
    return Date.parse(String(text).replace(/(\.\d{3})\d+/, "$1"));
  }

  function noteClock(data) {
    if (!data || !data.server_time) {
      return;
    }
    offsetMs = parseTime(data.server_time) - Date.now();
    if ("deadline" in data) {
      deadlineMs = data.deadline ? parseTime(data.deadline) : null;
    }
    if ("remaining_s" in data) {
      frozenRemaining = data.remaining_s;
    }
    tick();
  }

  function remaining() {
    if (state === "paused") {
      return frozenRemaining;
    }
    if (deadlineMs === null) {
      return null;
    }
    return Math.max(0, Math.floor((deadlineMs - (Date.now() + offsetMs)) / 1000));
  }

  function clockText(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const pad = (n) => String(n).padStart(2, "0");
    return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  }

  function tick() {
    const left = remaining();
    const clock = $("clock");
    if (left === null || left === undefined || ended || !started) {
      clock.hidden = true;
      return;
    }
    clock.hidden = false;
    $("countdown").textContent = clockText(left);
    clock.classList.toggle("low", left <= 300);
    clock.classList.toggle("frozen", state === "paused");
    if (left === 0 && state === "in_progress") {
      autoSubmit();
    }
  }
  window.setInterval(tick, 500);

  // --- States and screens --------------------------------------------------------------------

  function screen(name) {
    for (const id of ["loading", "waiting", "test", "end"]) {
      $(`screen-${id}`).hidden = id !== name;
    }
  }

  function stopFatal(message) {
    fatal = true;
    banner(message);
    setDisabled(true);
    if (pollTimer !== null) {
      window.clearTimeout(pollTimer);
      pollTimer = null;
    }
    showConnection();
  }

  function banner(message) {
    const el = $("error-banner");
    el.textContent = message || "";
    el.hidden = !message;
  }

  function poll(delay) {
    if (fatal || ended) {
      return;
    }
    if (pollTimer !== null) {
      window.clearTimeout(pollTimer);
    }
    pollTimer = window.setTimeout(async () => {
      pollTimer = null;
      const result = await call("GET", "state");
      if (result.ok) {
        await onState(result.data);
      }
      if (!fatal && !ended && pollTimer === null) {
        const waiting = !started || state === "paused";
        poll(waiting ? WAIT_POLL_MS : POLL_MS);
      }
    }, delay);
  }

  async function onState(data) {
    state = data.state;
    if (FINISHED.has(state)) {
      end(data.result || data);
      return;
    }
    if (!started) {
      if (state === "in_progress" || state === "paused" || data.room_state === "running") {
        await start();
      } else {
        screen("waiting");
      }
      return;
    }
    showPaused();
  }

  async function start() {
    if (starting || started) {
      return;
    }
    starting = true;
    try {
      const result = await call("POST", "start");
      if (result.ok) {
        if (result.data.result) {
          state = result.data.state;
          end(result.data.result);
          return;
        }
        state = result.data.state;
        begin(result.data);
      } else if (result.refused && result.status !== 401) {
        screen("waiting");
        $("waiting-note").textContent = result.data.detail
          ? fmt(T.waiting_refused, { m: result.data.detail })
          : "";
      }
    } finally {
      starting = false;
    }
  }

  function showPaused() {
    const paused = state === "paused";
    $("paused-banner").hidden = !paused || ended;
    setDisabled(paused || ended || fatal || submitting);
    tick();
  }

  // --- The test ------------------------------------------------------------------------------

  function begin(data) {
    started = true;
    const stored = data.answers || {};
    let highest = 0;
    for (const entry of Object.values(stored)) {
      highest = Math.max(highest, Number(entry.seq) || 0);
    }
    // Queued answers the server has already (or something newer) need not be sent again.
    const pending = new Map();
    const keep = [];
    for (const entry of queueLoad()) {
      highest = Math.max(highest, entry.seq);
      const server = stored[String(entry.item)];
      if (!server || server.seq < entry.seq) {
        pending.set(entry.item, entry);
        keep.push(entry);
      }
    }
    queueSave(keep);
    seqFloor = Math.max(seqFloor, highest);
    flags = new Set(store.get("flags", []));
    listMode = store.get("view", "single") === "list";

    const container = $("items");
    container.textContent = "";
    $("nav-grid").textContent = "";
    items.clear();
    order.length = 0;
    for (const itemData of data.items) {
      const server = stored[String(itemData.id)];
      const local = pending.get(itemData.id);
      const answer = local ? local.answer : server ? server.answer : null;
      const item = {
        data: itemData,
        answer,
        savedJson: server ? JSON.stringify(server.answer) : null,
        givenJson: answer === null ? null : JSON.stringify(answer),
      };
      items.set(itemData.id, item);
      order.push(itemData.id);
      container.appendChild(renderItem(item));
      $("nav-grid").appendChild(renderNav(item));
      fillInputs(item);
      if (local) {
        setStatus(itemData.id, "unsent");
      } else if (server) {
        setStatus(itemData.id, "saved");
      }
    }
    const saved = Number(store.get("current", 0)) || 0;
    current = Math.min(Math.max(saved, 0), order.length - 1);
    screen("test");
    applyMode();
    showPaused();
    tick();
    flush();
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === "class") {
        node.className = value;
      } else if (name === "text") {
        node.textContent = value;
      } else {
        node.setAttribute(name, value);
      }
    }
    for (const child of children) {
      if (child) {
        node.appendChild(child);
      }
    }
    return node;
  }

  function renderItem(item) {
    const d = item.data;
    const title = fmt(T.question, { n: d.number });
    const section = el("section", {
      class: "item",
      id: `item-${d.id}`,
      "data-item": d.id,
      "data-kind": d.kind,
      "aria-labelledby": `item-${d.id}-title`,
    });
    const flag = el("button", { type: "button", class: "flag secondary" });
    flag.addEventListener("click", () => toggleFlag(d.id));
    item.flagButton = flag;
    const status = el("span", { class: "item-status", "aria-live": "polite" });
    item.statusEl = status;
    section.appendChild(
      el(
        "header",
        { class: "item-head" },
        el("h2", { id: `item-${d.id}-title`, text: title }),
        el("span", { class: "item-points muted", text: fmt(T.points, { p: number(d.points) }) }),
        status,
        flag,
      ),
    );
    const stem = el("div", { class: "stem" });
    // The stem is the bank's sanitised HTML (bank.content.sanitize), with images from this form.
    stem.innerHTML = d.stem;
    section.appendChild(stem);
    const fieldset = el("fieldset", { class: "answer" });
    fieldset.appendChild(el("legend", { class: "visually-hidden", text: title }));
    item.fieldset = fieldset;
    const name = `answer-${d.id}`;
    if (d.kind === "single" || d.kind === "true_false" || d.kind === "multiple") {
      const multiple = d.kind === "multiple";
      const list = el("ol", { class: d.kind === "true_false" ? "options tf" : "options" });
      item.inputs = [];
      d.options.forEach((optionHtml, position) => {
        const input = el("input", {
          type: multiple ? "checkbox" : "radio",
          name,
          value: String(position),
          id: `${name}-${position}`,
        });
        input.addEventListener("change", () => give(d.id, readInputs(item)));
        item.inputs.push(input);
        const text = el("span", { class: "option-text" });
        text.innerHTML = optionHtml;
        list.appendChild(el("li", {}, el("label", { for: input.id }, input, text)));
      });
      fieldset.appendChild(list);
      if (!multiple) {
        const clear = el("button", { type: "button", class: "linklike clear", text: T.clear });
        clear.addEventListener("click", () => {
          for (const input of item.inputs) {
            input.checked = false;
          }
          give(d.id, readInputs(item));
        });
        fieldset.appendChild(clear);
      }
    } else {
      const essay = d.kind === "essay";
      const input = essay
        ? el("textarea", { rows: "12", name, id: name, placeholder: T.essay_placeholder })
        : el("input", {
            type: "text",
            name,
            id: name,
            autocomplete: "off",
            maxlength: "500",
            placeholder: d.kind === "numeric" ? T.numeric_placeholder : T.text_placeholder,
          });
      if (d.kind === "numeric") {
        input.setAttribute("inputmode", "decimal");
      }
      input.setAttribute("aria-label", title);
      item.inputs = [input];
      const wait = DEBOUNCE_MS[d.kind] || 800;
      input.addEventListener("input", () => {
        window.clearTimeout(item.debounce);
        item.debounce = window.setTimeout(() => commitText(item), wait);
      });
      input.addEventListener("change", () => commitText(item));
      input.addEventListener("blur", () => commitText(item));
      fieldset.appendChild(input);
    }
    section.appendChild(fieldset);
    // In the list, the item being worked on is the navigator's current one.
    section.addEventListener("focusin", () => {
      if (listMode && order[current] !== d.id) {
        go(order.indexOf(d.id), false);
      }
    });
    item.el = section;
    return section;
  }

  function commitText(item) {
    window.clearTimeout(item.debounce);
    item.debounce = null;
    give(item.data.id, readInputs(item));
  }

  function readInputs(item) {
    const kind = item.data.kind;
    if (kind === "single") {
      const picked = item.inputs.findIndex((i) => i.checked);
      return { choice: picked < 0 ? null : picked };
    }
    if (kind === "true_false") {
      const picked = item.inputs.findIndex((i) => i.checked);
      return { value: picked < 0 ? null : picked === 0 };
    }
    if (kind === "multiple") {
      return { choices: item.inputs.flatMap((input, p) => (input.checked ? [p] : [])) };
    }
    return { text: item.inputs[0].value.normalize("NFC") };
  }

  function fillInputs(item) {
    const answer = item.answer;
    if (!answer) {
      return;
    }
    const kind = item.data.kind;
    if (kind === "single") {
      item.inputs.forEach((input, p) => {
        input.checked = answer.choice === p;
      });
    } else if (kind === "true_false") {
      item.inputs.forEach((input, p) => {
        input.checked = answer.value === (p === 0);
      });
    } else if (kind === "multiple") {
      const chosen = new Set(answer.choices || []);
      item.inputs.forEach((input, p) => {
        input.checked = chosen.has(p);
      });
    } else {
      item.inputs[0].value = answer.text || "";
    }
  }

  function blank(item) {
    const a = item.answer;
    if (!a) {
      return true;
    }
    switch (item.data.kind) {
      case "single":
        return a.choice === null || a.choice === undefined;
      case "true_false":
        return a.value === null || a.value === undefined;
      case "multiple":
        return !a.choices || a.choices.length === 0;
      default:
        return !String(a.text || "").trim();
    }
  }

  // The candidate gave an answer: keep it locally, then send it.
  function give(id, answer) {
    const item = items.get(id);
    if (!item || ended || submitting || fatal) {
      return;
    }
    const json = JSON.stringify(answer);
    if (json === item.givenJson) {
      return;
    }
    item.givenJson = json;
    item.answer = answer;
    enqueue({ item: id, answer, seq: nextSeq() });
    setStatus(id, "sending");
    updateNav(item);
    flush();
  }

  function refuse(id, message) {
    const item = items.get(id);
    if (!item) {
      return;
    }
    // Giving the same answer again must send it again.
    item.givenJson = item.savedJson;
    setStatus(id, "refused", message);
  }

  function setStatus(id, status, message) {
    const item = items.get(id);
    if (!item || !item.statusEl) {
      return;
    }
    item.status = status;
    const text = {
      saved: T.saved,
      sending: T.sending,
      unsent: T.unsent,
      refused: message || "",
    }[status];
    item.statusEl.textContent = text || "";
    item.statusEl.className = `item-status status-${status}`;
    item.el.dataset.status = status;
    updateNav(item);
  }

  // --- Navigator, modes, flags ---------------------------------------------------------------

  function renderNav(item) {
    const button = el("button", {
      type: "button",
      class: "nav-item",
      text: String(item.data.number),
      "data-item": item.data.id,
    });
    button.addEventListener("click", () => go(order.indexOf(item.data.id), true));
    item.navButton = button;
    updateNav(item);
    return button;
  }

  function updateNav(item) {
    const button = item.navButton;
    if (!button) {
      return;
    }
    const answered = !blank(item);
    const flagged = flags.has(item.data.id);
    const isCurrent = order[current] === item.data.id;
    button.classList.toggle("answered", answered);
    button.classList.toggle("flagged", flagged);
    button.classList.toggle("current", isCurrent);
    button.classList.toggle("unsent", item.status === "unsent" || item.status === "refused");
    if (isCurrent) {
      button.setAttribute("aria-current", "true");
    } else {
      button.removeAttribute("aria-current");
    }
    const parts = [fmt(T.question, { n: item.data.number })];
    parts.push(answered ? T.nav_answered : T.nav_unanswered);
    if (flagged) {
      parts.push(T.nav_flagged);
    }
    button.setAttribute("aria-label", parts.join(", "));
    button.title = parts.join(", ");
    if (item.flagButton) {
      item.flagButton.textContent = flagged ? T.unflag : T.flag;
      item.flagButton.setAttribute("aria-pressed", flagged ? "true" : "false");
      item.el.classList.toggle("flagged", flagged);
    }
    const unanswered = [...items.values()].filter(blank).length;
    $("answered-count").textContent =
      unanswered === 0
        ? fmt(T.all_answered, { total: items.size })
        : fmt(T.unanswered_summary, { n: unanswered, total: items.size });
  }

  function toggleFlag(id) {
    if (flags.has(id)) {
      flags.delete(id);
    } else {
      flags.add(id);
    }
    store.set("flags", [...flags]);
    updateNav(items.get(id));
  }

  function go(index, focus) {
    if (index < 0 || index >= order.length) {
      return;
    }
    const previous = items.get(order[current]);
    current = index;
    store.set("current", current);
    if (previous) {
      updateNav(previous);
    }
    applyMode();
    const item = items.get(order[current]);
    if (listMode && focus) {
      item.el.scrollIntoView({ block: "start" });
    }
    if (focus && item.inputs && item.inputs[0] && !item.fieldset.disabled) {
      item.inputs[0].focus({ preventScroll: listMode });
    }
  }

  function applyMode() {
    const container = $("items");
    container.classList.toggle("mode-list", listMode);
    container.classList.toggle("mode-single", !listMode);
    order.forEach((id, index) => {
      const item = items.get(id);
      item.el.classList.toggle("current", index === current);
      updateNav(item);
    });
    $("toggle-view").textContent = listMode ? T.single_view : T.list_view;
    $("pager").hidden = listMode;
    $("position").textContent = fmt(T.position, { n: current + 1, total: order.length });
    $("prev").disabled = current === 0;
    $("next").disabled = current === order.length - 1;
  }

  $("toggle-view").addEventListener("click", () => {
    listMode = !listMode;
    store.set("view", listMode ? "list" : "single");
    applyMode();
    if (listMode) {
      items.get(order[current]).el.scrollIntoView({ block: "start" });
    }
  });
  $("prev").addEventListener("click", () => go(current - 1, true));
  $("next").addEventListener("click", () => go(current + 1, true));

  function setDisabled(disabled) {
    for (const item of items.values()) {
      if (item.fieldset) {
        item.fieldset.disabled = disabled;
      }
    }
    $("submit-open").disabled = disabled;
  }

  // --- Submitting ----------------------------------------------------------------------------

  const dialog = $("submit-dialog");

  // Put text still waiting for its debounce into the queue now.
  function commitPending() {
    for (const item of items.values()) {
      if (item.debounce) {
        commitText(item);
      }
    }
  }

  $("submit-open").addEventListener("click", () => {
    commitPending();
    const unanswered = [...items.values()].filter(blank).length;
    $("submit-summary").textContent =
      unanswered === 0
        ? fmt(T.all_answered, { total: items.size })
        : fmt(T.unanswered_summary, { n: unanswered, total: items.size });
    const flagged = [...flags].filter((id) => items.has(id)).length;
    $("submit-flagged").textContent = flagged ? fmt(T.flagged_summary, { n: flagged }) : "";
    $("submit-error").textContent = "";
    $("submit-confirm").disabled = false;
    dialog.showModal();
  });

  $("submit-confirm").addEventListener("click", async () => {
    const button = $("submit-confirm");
    button.disabled = true;
    $("submit-error").textContent = T.submitting;
    commitPending();
    const sent = await flush();
    if (!sent || queueLoad().length > 0) {
      const left = queueLoad().length;
      $("submit-error").textContent = left
        ? fmt(T.submit_unsent, { n: left })
        : T.submit_offline;
      button.disabled = false;
      return;
    }
    const result = await call("POST", "submit", { confirm: true });
    if (result.ok) {
      end(result.data);
      return;
    }
    $("submit-error").textContent = result.network
      ? T.submit_offline
      : result.data.detail || T.submit_offline;
    button.disabled = false;
  });

  const sleep = (ms) => new Promise((resolve) => window.setTimeout(resolve, ms));

  // Time is up: send what is queued, then submit; keep trying while the network is down (the
  // server still takes answers during the plan's grace period, then closes the attempt itself).
  async function autoSubmit() {
    if (submitting || ended || fatal) {
      return;
    }
    submitting = true;
    commitPending();
    setDisabled(true);
    banner(T.time_up);
    for (let delay = RETRY_MIN_MS; !ended && !fatal; delay = Math.min(delay * 2, RETRY_MAX_MS)) {
      // The proctor may have extended the time while this computer was offline: ask first.
      const check = await call("GET", "state");
      if (check.network) {
        await sleep(delay);
        continue;
      }
      if (check.ok) {
        state = check.data.state;
        if (FINISHED.has(state)) {
          end(check.data.result || check.data);
          return;
        }
        if (check.data.remaining_s > 0 || state === "paused") {
          submitting = false;
          banner("");
          showPaused();
          return;
        }
      }
      await flush();
      const result = await call("POST", "submit", { confirm: true });
      if (result.ok) {
        end(result.data);
        return;
      }
      if (result.refused) {
        // Refused (already closed as expired, for instance): show the end screen anyway.
        const after = await call("GET", "state");
        end(after.ok && after.data.result ? after.data.result : { state, state_label: "" });
        return;
      }
      await sleep(delay);
    }
  }

  function number(value) {
    return new Intl.NumberFormat(LANG, { maximumFractionDigits: 2 }).format(value);
  }

  function end(result) {
    ended = true;
    submitting = false;
    if (dialog.open) {
      dialog.close();
    }
    if (pollTimer !== null) {
      window.clearTimeout(pollTimer);
      pollTimer = null;
    }
    banner("");
    $("paused-banner").hidden = true;
    $("clock").hidden = true;
    setDisabled(true);
    showConnection();
    $("end-title").textContent = result.state_label || "";
    // A test with essays has no score until Ban chấm thi marks it: the server sends a note
    // and, with objective items too, only their score (phần trắc nghiệm).
    let shown = "";
    if (result.objective_score !== undefined && result.objective_score !== null) {
      shown = fmt(T.objective_score, {
        score: number(result.objective_score),
        max: number(result.objective_max),
        right: result.correct ?? 0,
        total: result.total ?? 0,
      });
    } else if (result.score !== undefined && result.score !== null) {
      shown = fmt(T.score, {
        score: number(result.score),
        max: number(result.max_score),
        right: result.correct ?? 0,
        total: result.total ?? items.size,
      });
    }
    $("end-score").textContent = shown;
    if (result.note) {
      $("end-note").textContent = result.note;
    } else if (shown || result.state === "voided") {
      $("end-note").textContent = "";
    } else {
      $("end-note").textContent = T.no_score;
    }
    screen("end");
    // Nothing more can be sent for this attempt.
    store.clear();
  }

  // Leaving with answers not yet acknowledged: keep them (they are in localStorage) and warn.
  window.addEventListener("beforeunload", (event) => {
    commitPending();
    if (!ended && queueLoad().length > 0) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      commitPending();
    }
  });

  // --- Go ------------------------------------------------------------------------------------

  showConnection();
  poll(0);
})();
