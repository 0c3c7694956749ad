"use strict";
// Return calls in the agent console: my list and the shared list (due time, then priority), click to
// call, the return-call pop from progressive dialling, outcome and answers, coverage of the quarter.
(function () {
  const names = new Map();
  const fu = { current: null };
  const reasonText = { first_installation: "First installation", quarterly: "Quarterly call", callback: "Call back",
    after_visit: "After the technician's visit", after_delivery: "After a delivery" };
  const when = (iso) => (iso ? new Date(iso).toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "–");
  const extensionOf = (iface) => {
    if (!iface) return null;
    const rest = iface.slice(iface.indexOf("/") + 1);
    return rest.split(/[@/]/)[0];
  };
  async function nameOf(customerId) {
    if (!names.has(customerId)) {
      names.set(customerId, api("GET", "/customers/" + encodeURIComponent(customerId)).then((c) => c.name, () => customerId));
    }
    return names.get(customerId);
  }
  async function item(f) {
    const name = await nameOf(f.customerId);
    const reasons = (f.pending || []).map((r) => reasonText[r.reason] || r.reason).join(" · ");
    const late = f.dueBy && Date.parse(f.dueBy) < Date.now();
    return `<li class="fu" data-id="${esc(f.id)}"><div class="top"><span>${esc(name)}</span><span class="${late ? "overdue" : ""}">due ${when(f.dueBy)}</span></div>
      <div class="sub">${esc(reasons)} · priority ${esc(f.priority)}${f.attempts && f.attempts.length ? " · " + f.attempts.length + " tries" : ""}</div>
      <div class="actions"><button type="button" class="fu-call">Call</button><button type="button" class="fu-record">Record outcome</button></div></li>`;
  }
  async function render(el, list) {
    el.innerHTML = list.length ? (await Promise.all(list.map(item))).join("") : `<li class="muted">None</li>`;
  }
  async function load() {
    try {
      const lists = await api("GET", "/followups");
      fu.byId = new Map([...lists.mine, ...lists.shared].map((f) => [f.id, f]));
      await render($("fu-mine"), lists.mine);
      await render($("fu-shared"), lists.shared);
      await render($("fu-needs"), lists.needsNumber || []);
    } catch (e) { $("fu-shared").innerHTML = `<li class="muted">${esc(e.message)}</li>`; }
  }
  async function coverage() {
    try {
      const c = await api("GET", "/followups/coverage");
      $("fu-coverage-body").innerHTML = `<div>${esc(c.quarter)}: ${c.withoutQuarterlyCall.length} of ${c.customers} customers still lack their quarterly call</div>
        <div>First-installation calls overdue: ${c.overdueFirstInstallation.length}</div>
        <div>Visits without a return visit: ${c.visitsWithoutReturnVisit.length}</div>`;
    } catch (e) { $("fu-coverage-body").textContent = e.message; }
  }
  async function open(f, state, number) {
    fu.current = f;
    $("fu-outcome").hidden = false;
    $("fu-state").textContent = state;
    $("fu-customer").textContent = await nameOf(f.customerId);
    $("fu-number").textContent = number || "";
    $("fu-reasons").innerHTML = (f.pending || []).map((r) => `<li>${esc(reasonText[r.reason] || r.reason)} · due ${when(r.dueBy)}</li>`).join("");
    $("fu-questions").innerHTML = (f.questions || []).map((q, i) => `<label>${esc(q)} <input class="fu-answer" data-question="${esc(q)}" id="fu-q${i}" maxlength="2000"></label>`).join("");
    $("fu-error").textContent = "";
  }
  function close() { fu.current = null; $("fu-outcome").hidden = true; $("fu-note").value = ""; }
  document.addEventListener("click", async (ev) => {
    const li = ev.target.closest && ev.target.closest("li.fu");
    if (!li) return;
    const f = fu.byId && fu.byId.get(li.dataset.id);
    if (!f) return;
    if (ev.target.classList.contains("fu-record")) { open(f, "Return call", ""); return; }
    if (!ev.target.classList.contains("fu-call")) return;
    const ext = extensionOf(state.agent && state.agent.agentInterface);
    if (!ext) { toast("No phone is assigned to you."); return; }
    try {
      const r = await api("POST", "/followups/" + encodeURIComponent(f.id) + "/dial", { extension: ext });
      await open(r.followUp, r.dialled ? "Return call · your phone rings, then the customer" : "Return call · dial failed", "");
      if (!r.dialled) $("fu-error").textContent = "The call could not be placed: " + (r.message || "") + " (recorded; the follow-up stays in your list).";
      load();
    } catch (e) { toast(e.message); }
  });
  $("fu-outcome-select").addEventListener("change", (ev) => { $("fu-later-label").hidden = ev.target.value !== "call_later"; });
  $("fu-close").addEventListener("click", close);
  $("fu-refresh").addEventListener("click", () => { load(); coverage(); });
  $("fu-coverage").addEventListener("toggle", () => { if ($("fu-coverage").open) coverage(); });
  $("fu-outcome").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!fu.current) return;
    const answers = {};
    document.querySelectorAll(".fu-answer").forEach((i) => { if (i.value.trim()) answers[i.dataset.question] = i.value.trim(); });
    const outcome = $("fu-outcome-select").value;
    const body = { outcome, answers, note: $("fu-note").value.trim() || undefined };
    if (outcome === "call_later") body.later = $("fu-later").value ? new Date($("fu-later").value).toISOString() : undefined;
    try {
      await api("POST", "/followups/" + encodeURIComponent(fu.current.id) + "/outcome", body);
      toast("Saved: " + $("fu-outcome-select").selectedOptions[0].textContent + ".");
      close();
      load();
    } catch (e) { $("fu-error").textContent = e.message; }
  });
  window.followups = {
    load,
    pop(m) {
      open(m.followUp, "Return call · connected to the customer", m.number);
      if (typeof showPresence === "function") showPresence("on_call");
      load();
    },
  };
})();
