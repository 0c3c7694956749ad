"use strict";
// Agent console: sign in, live pops over /ws/agent, active call, wrap-up, recent calls.
const $ = (id) => document.getElementById(id);
const state = { me: null, agent: null, current: null, calls: new Map(), socket: null, retry: 500, timer: null };

function esc(v) {
  return String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
async function api(method, path, body) {
  const res = await fetch("/api/v1" + path, {
    method, credentials: "same-origin",
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const msg = data && (data.message || data.error) ? (data.message || data.error) : res.status + "";
    const fields = data && data.fields ? ": " + data.fields.map((f) => f.field + " " + f.message).join("; ") : "";
    throw Object.assign(new Error(msg + fields), { status: res.status });
  }
  return data;
}
const secs = (s) => (s == null ? "–" : s < 60 ? s + " s" : Math.floor(s / 60) + " min " + (s % 60) + " s");
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "");
const day = (iso) => (iso ? new Date(iso).toLocaleDateString() : "");
function toast(text) { $("toast").textContent = text; setTimeout(() => { if ($("toast").textContent === text) $("toast").textContent = ""; }, 6000); }

// ---- sign in ----
async function boot() {
  try {
    state.me = await api("GET", "/auth/me");
  } catch (e) {
    $("login-view").hidden = false;
    $("console-view").hidden = true;
    $("who").hidden = true;
    return;
  }
  try { state.agent = await api("GET", "/agents/me"); } catch (e) { state.agent = null; }
  $("login-view").hidden = true;
  $("console-view").hidden = false;
  $("who").hidden = false;
  $("agent-name").textContent = state.agent ? state.agent.displayName || state.me.username : state.me.username;
  $("agent-iface").textContent = state.agent ? state.agent.agentInterface : "no phone assigned";
  showPresence(state.agent && state.agent.presence ? state.agent.presence.state : "offline");
  connect();
  loadRecent();
  if (window.followups) window.followups.load();
}
$("login-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  $("login-error").textContent = "";
  try {
    await api("POST", "/auth/login", { username: $("login-user").value.trim(), password: $("login-pass").value });
    $("login-pass").value = "";
    boot();
  } catch (e) {
    $("login-error").textContent = e.status === 401 ? "Wrong user name or password." : e.message;
  }
});
$("logout").addEventListener("click", async () => {
  try { await api("POST", "/auth/logout"); } catch (e) { /* signed out anyway */ }
  if (state.socket) state.socket.close();
  location.reload();
});
$("presence-select").addEventListener("change", async (ev) => {
  try { showPresence((await api("PUT", "/agents/me/presence", { state: ev.target.value })).state); }
  catch (e) { toast(e.message); }
});
function showPresence(p) {
  const b = $("presence-badge");
  b.textContent = String(p).replace("_", " ");
  b.className = "badge " + p;
  if (p === "available" || p === "away") $("presence-select").value = p;
}

// ---- live channel ----
function connect() {
  const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/agent");
  state.socket = ws;
  ws.onopen = () => { state.retry = 500; $("link-state").className = "link"; $("link-state").textContent = "● live"; };
  ws.onmessage = (ev) => handle(JSON.parse(ev.data));
  ws.onclose = (ev) => {
    $("link-state").className = "link down";
    $("link-state").textContent = "● reconnecting";
    if (ev.code === 1008 || !state.me) return;
    setTimeout(() => { api("GET", "/auth/me").then(connect, () => location.reload()); }, state.retry);
    state.retry = Math.min(state.retry * 2, 10000);
  };
}
function handle(m) {
  if (m.type === "return_call") { if (window.followups) window.followups.pop(m); return; }
  if (m.type === "hello") {
    api("GET", "/agents/me").then((a) => showPresence(a.presence.state), () => showPresence("offline"));
    return;
  }
  const known = state.calls.get(m.callId) || {};
  if (m.type === "ringing") {
    if (known.phase && known.phase !== "ringing") {
      // the answer overtook the pop (history lookups take a moment): keep the history, stay active
      state.calls.set(m.callId, { ...known, pop: m });
      if (state.current === m.callId) show(m.callId);
      return;
    }
    state.calls.set(m.callId, { ...known, pop: m, phase: "ringing" });
    if (!state.current || phaseOf(state.current) === "ringing" || phaseOf(state.current) === "gone") show(m.callId);
  } else if (m.type === "ring_cancelled") {
    if (known.phase === "ringing") {
      state.calls.set(m.callId, { ...known, phase: "gone" });
      if (state.current === m.callId) { idle(); toast(m.reason === "answered elsewhere" ? "Taken by a colleague." : "The caller hung up."); }
    }
  } else if (m.type === "answered") {
    state.calls.set(m.callId, { ...known, call: m.call, phase: "active" });
    show(m.callId);
    showPresence("on_call");
  } else if (m.type === "ended") {
    const wasMine = known.phase === "active" || (m.call && m.call.agent === (state.me && state.me.username));
    state.calls.set(m.callId, { ...known, call: m.call, phase: wasMine ? "wrapup" : "gone" });
    if (state.current === m.callId) { if (wasMine) { show(m.callId); showPresence("wrap_up"); } else idle(); }
    loadRecent();
  }
}
const phaseOf = (id) => (state.calls.get(id) || {}).phase;

// ---- rendering ----
function idle() {
  state.current = null;
  clearInterval(state.timer);
  $("call").hidden = true;
  $("idle").hidden = false;
}
function show(id) {
  state.current = id;
  const c = state.calls.get(id);
  const pop = c.pop || { caller: {}, history: null };
  const call = c.call || {};
  $("idle").hidden = true;
  const box = $("call");
  box.hidden = false;
  box.className = "card call " + ({ ringing: "ringing", active: "active", wrapup: "ended" }[c.phase] || "");
  box.dataset.callId = id;
  $("call-state").textContent = { ringing: "Ringing · your phone", active: "On call", wrapup: "Call ended · wrap up" }[c.phase] || "";
  const h = pop.history;
  const name = (h && h.customer && h.customer.name) || pop.caller.name || call.callerName || (pop.caller.withheld ? "Number withheld" : "New caller");
  $("caller-name").textContent = name;
  $("caller-number").textContent = pop.caller.number || call.callerNumber || pop.caller.raw || call.callerRaw || "";
  $("call-queue").textContent = pop.queue || call.queue || "–";
  $("call-wait").textContent = secs(call.waitSeconds != null ? call.waitSeconds : pop.waitSeconds);
  $("call-ivr").textContent = (pop.ivrPath && pop.ivrPath.length ? pop.ivrPath : call.ivrPath || []).join(" › ") || "–";
  clearInterval(state.timer);
  const talk = () => {
    if (c.phase === "active" && call.answeredAt) $("call-talk").textContent = secs(Math.max(0, Math.floor((Date.now() - Date.parse(call.answeredAt)) / 1000)));
    else $("call-talk").textContent = secs(call.talkSeconds);
  };
  talk();
  if (c.phase === "active") state.timer = setInterval(talk, 1000);
  renderCustomer(pop, h);
  $("new-customer").hidden = pop.caller.withheld || !pop.caller.number || (h ? h.known : !pop.newCaller);
  if (!$("new-customer").hidden) $("nc-contact").value = pop.caller.name || "";
  renderWrapup(c.phase === "wrapup", h);
}
function renderCustomer(pop, h) {
  const el = $("customer");
  if (!h || !h.known) {
    el.innerHTML = pop.historyAvailable === false
      ? `<p class="muted full">History is unavailable right now; the call works as usual.</p>`
      : `<p class="muted full">No customer has this number yet.</p>`;
    return;
  }
  const c = h.customer;
  const contacts = (c.contacts || []).map((p) => `${esc(p.name)}${p.role ? " <span class=kv>(" + esc(p.role) + ")</span>" : ""}`).join(", ") || "–";
  const addr = c.address ? [c.address.street, c.address.city, c.address.province].filter(Boolean).map(esc).join(", ") : "";
  const inst = (h.installations || []).map((i) => `<tr><td>${esc(i.product)}${i.model ? " " + esc(i.model) : ""}</td><td>${esc(i.serial || "")}</td><td>${day(i.installedOn)}</td>
      <td><span class="pill ${esc(i.warranty)}">${i.warranty === "in_warranty" ? "in warranty" : esc(String(i.warranty).replace("_", " "))}</span>${i.warrantyDaysLeft != null && i.warrantyDaysLeft >= 0 ? ` <span class=kv>${i.warrantyDaysLeft} d left</span>` : ""}</td></tr>`).join("");
  const open = (h.openRequests || []).map((r) => `<tr><td>${esc(r.number)}</td><td><span class="pill status">${esc(r.status)}</span></td><td>${esc(r.category)}</td><td>${esc(r.description)}</td><td>${day(r.openedAt)}</td></tr>`).join("");
  const last = h.lastContact ? `${day(h.lastContact.at)} ${time(h.lastContact.at)} · request ${esc(h.lastContact.ticketNumber)} · ${esc(h.lastContact.type)}${h.lastContact.by ? " by " + esc(h.lastContact.by) : ""}` : "No earlier contact";
  el.innerHTML = `
    <div class="block"><h3>Customer</h3><div><b>${esc(c.name)}</b></div><div class="kv">${esc(c.region || "")}${addr ? " · " + addr : ""}</div><div>Contacts: ${contacts}</div></div>
    <div class="block"><h3>Last contact</h3><div>${last}</div></div>
    <div class="block full"><h3>Installations</h3>${inst ? `<table><thead><tr><th>Product</th><th>Serial</th><th>Installed</th><th>Warranty</th></tr></thead><tbody>${inst}</tbody></table>` : `<p class="muted">None recorded</p>`}</div>
    <div class="block full"><h3>Open requests</h3>${open ? `<table><thead><tr><th>No.</th><th>Status</th><th>Category</th><th>Problem</th><th>Opened</th></tr></thead><tbody>${open}</tbody></table>` : `<p class="muted">None open</p>`}</div>`;
}
function renderWrapup(visible, h) {
  $("wrapup").hidden = !visible;
  if (!visible) return;
  $("wrap-error").textContent = "";
  const open = (h && h.openRequests) || [];
  $("wrap-existing").innerHTML = open.map((r) => `<label class="choice"><input type="radio" name="wrap-choice" value="${esc(r.number)}"> Link to request ${esc(r.number)} · ${esc(r.category)} · ${esc(r.description)}</label>`).join("");
  document.querySelector('input[name="wrap-choice"][value="new"]').checked = true;
}
document.addEventListener("change", (ev) => {
  if (ev.target.name === "wrap-choice") $("wrap-new").hidden = ev.target.value !== "new";
});

// ---- actions ----
$("new-customer").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const c = state.calls.get(state.current);
  const phone = c.pop.caller.number;
  try {
    const contact = $("nc-contact").value.trim();
    await api("POST", "/customers", {
      name: $("nc-name").value.trim(), phones: [phone], region: $("nc-region").value,
      contacts: contact ? [{ name: contact, phones: [phone] }] : [],
    });
    c.pop = { ...c.pop, newCaller: false, history: await api("GET", "/callers/" + encodeURIComponent(phone) + "/history") };
    toast("Customer created.");
    show(state.current);
  } catch (e) { toast(e.message); }
});
$("wrapup").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const id = state.current;
  const c = state.calls.get(id);
  const choice = document.querySelector('input[name="wrap-choice"]:checked').value;
  $("wrap-submit").disabled = true;
  try {
    let number = choice;
    if (choice === "new") {
      const h = c.pop && c.pop.history;
      const caller = (c.pop && c.pop.caller) || {};
      const t = await api("POST", "/tickets", {
        phone: (c.call && (c.call.callerNumber || c.call.callerRaw)) || caller.number || caller.raw,
        customerId: h && h.known ? h.customer.id : undefined,
        contactName: caller.name || (c.call && c.call.callerName) || undefined,
        category: $("wr-category").value.trim(), severity: $("wr-severity").value,
        description: $("wr-description").value.trim() || $("wr-category").value.trim(), channel: "phone",
      });
      number = t.number;
    }
    await api("POST", "/calls/" + encodeURIComponent(id) + "/wrapup", { ticketNumber: number, note: $("wr-note").value.trim() || undefined });
    state.calls.set(id, { ...c, phase: "done" });
    ["wr-category", "wr-description", "wr-note"].forEach((f) => ($(f).value = ""));
    idle();
    showPresence("available");
    toast("Saved: request " + number + " has the call.");
    loadRecent();
  } catch (e) {
    $("wrap-error").textContent = e.message;
  } finally {
    $("wrap-submit").disabled = false;
  }
});
async function loadRecent() {
  let calls = [];
  try { calls = await api("GET", "/calls/recent?limit=10"); } catch (e) { return; }
  $("recent").innerHTML = calls.length ? calls.map((c) => `<li><div class="top"><span>${esc(c.callerName || c.callerNumber || c.callerRaw || "Unknown")}</span><span>${time(c.answeredAt || c.startedAt)}</span></div>
     <div class="sub">${esc(c.outcome || c.status)} · talk ${secs(c.talkSeconds)}${c.ticketNumber ? " · request " + esc(c.ticketNumber) : ""}</div></li>`).join("")
    : `<li class="muted">None yet</li>`;
}
boot();
