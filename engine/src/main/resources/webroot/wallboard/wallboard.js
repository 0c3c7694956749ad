"use strict";
// Wallboard: sign in as a supervisor, then one live snapshot per change over /ws/wallboard.
const $ = (id) => document.getElementById(id);
const state = { me: null, socket: null, retry: 500 };

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
  if (!res.ok) throw Object.assign(new Error((data && (data.message || data.error)) || String(res.status)), { status: res.status });
  return data;
}
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "–");

async function boot() {
  try { state.me = await api("GET", "/auth/me"); } catch (e) { return showLogin(""); }
  const role = String(state.me.role || "").toLowerCase();
  if (role !== "supervisor" && role !== "admin") return showLogin("The wallboard is for supervisors.");
  $("login-view").hidden = true;
  $("board").hidden = false;
  $("who").hidden = false;
  $("user-name").textContent = state.me.username;
  connect();
}
function showLogin(message) {
  $("login-view").hidden = false;
  $("board").hidden = true;
  $("who").hidden = true;
  $("login-error").textContent = message;
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
  state.me = null;
  if (state.socket) state.socket.close();
  location.reload();
});

function connect() {
  const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/wallboard");
  state.socket = ws;
  ws.onopen = () => { state.retry = 500; $("link-state").className = "link"; $("link-state").textContent = "● live"; };
  ws.onmessage = (ev) => { const m = JSON.parse(ev.data); if (m.type === "snapshot") render(m); };
  ws.onclose = () => {
    $("link-state").className = "link down";
    $("link-state").textContent = "● reconnecting";
    if (!state.me) return;
    setTimeout(() => { api("GET", "/auth/me").then(connect, () => location.reload()); }, state.retry);
    state.retry = Math.min(state.retry * 2, 10000);
  };
}
setInterval(() => { if (state.socket && state.socket.readyState === 1) state.socket.send("ping"); }, 25000);

function rows(id, list, cells) {
  $(id).innerHTML = list.length
    ? list.map((r) => "<tr>" + cells(r).map((c) => "<td>" + esc(c) + "</td>").join("") + "</tr>").join("")
    : '<tr><td class="empty">none</td></tr>';
}
function render(s) {
  $("stamp").textContent = "updated " + time(s.at);
  $("calls-waiting").textContent = s.calls.waiting;
  $("calls-active").textContent = s.calls.active;
  $("agents-available").textContent = s.agents.byState.available;
  $("clocks-at-risk").textContent = s.clocks.atRiskCount;
  $("clocks-breached").textContent = s.clocks.breachedCount;
  $("return-calls").textContent = s.returnCalls.done + " / " + s.returnCalls.due;
  $("sms-failed").textContent = s.sms.failedToday;
  $("agent-states").innerHTML = Object.entries(s.agents.byState)
    .map(([k, v]) => '<span class="chip">' + esc(k.replace("_", " ")) + " " + esc(v) + "</span>").join("");
  rows("agents", s.agents.list, (a) => [a.name || a.username, a.state.replace("_", " "), time(a.since)]);
  rows("waiting", s.calls.waitingCalls, (c) => [c.caller, c.queue, "since " + time(c.since)]);
  rows("at-risk", s.clocks.atRisk, (c) => ["#" + c.ticket, c.clock, "due " + time(c.due)]);
  rows("breached", s.clocks.breached, (c) => ["#" + c.ticket, c.clock, "due " + time(c.due)]);
  rows("sms", s.sms.failures, (f) => [f.template, f.to, f.status + (f.errorCode ? " " + f.errorCode : ""), time(f.at)]);
  rows("warnings", s.keyWarnings, (w) => [w.product, w.category, w.route, w.period, w.count + " (was " + w.previous + ")"]);
}
boot();
