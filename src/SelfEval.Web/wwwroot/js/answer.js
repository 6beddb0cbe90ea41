// SelfEval: progressive enhancement for the answer pages. Everything works without it; with it,
// answers save as they are given, follow-up questions appear at once, and links copy with a click.
(function () {
    "use strict";

    // Copy buttons next to read-only link fields.
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        var input = document.getElementById(button.getAttribute("data-copy"));
        if (!input) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            var done = function () { button.textContent = "Kopiert"; setTimeout(function () { button.textContent = "Kopieren"; }, 2500); };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
            } else {
                input.select();
                try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected for Ctrl+C */ }
            }
        });
    });

    // After a failed save the summary of problems takes the focus, so it is read out first.
    var summary = document.getElementById("fehler");
    if (summary) { summary.focus(); }

    var form = document.querySelector("form[data-autosave]");
    if (!form) { return; }

    var known = {};
    var knownScript = document.getElementById("bekannte-antworten");
    if (knownScript) { try { known = JSON.parse(knownScript.textContent) || {}; } catch (e) { known = {}; } }
    var fields = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
    var shownInput = form.querySelector("[data-shown]");
    var status = form.querySelector("[data-save-status]");

    function valuesOf(field) {
        var name = "q." + field.getAttribute("data-question");
        var values = [];
        form.querySelectorAll("[name='" + name + "']").forEach(function (input) {
            if ((input.type === "radio" || input.type === "checkbox") && !input.checked) { return; }
            var v = (input.value || "").trim();
            // "nicht relevant" meets no condition, like on the server; "weiß nicht" stays a value that equals no option, so only "!=" holds.
            if (v && v !== "__nr") { values.push(v === "__dont-know" ? v : number(v)); }
        });
        return values;
    }

    // Reads "1.200", "1.200,5" and "12 000" as the server does (AnswerRules.ReadNumber), so a thousands point is no decimal point here either.
    function number(v) {
        if (!/^[+-]?[\d.,\s\u00a0\u202f]+$/.test(v)) { return v; }
        var s = v.replace(/[\s\u00a0\u202f]/g, "");
        if (/^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d*)?$/.test(s)) { s = s.replace(/\./g, ""); }
        return s.replace(",", ".");
    }

    function met(clause, values) {
        if (!values || values.length === 0) { return false; }
        var hit = values.some(function (v) { return clause.v.indexOf(v) >= 0; });
        switch (clause.op) {
            case "=": case "in": return hit;
            case "!=": return !hit;
            default:
                var n = parseFloat(values[0]), limit = parseFloat(clause.v[0]);
                if (isNaN(n) || isNaN(limit)) { return false; }
                return clause.op === "<" ? n < limit : clause.op === "<=" ? n <= limit : clause.op === ">" ? n > limit : n >= limit;
        }
    }

    // Walks the questions in order, like the server: a hidden question's answer counts for nothing.
    function applyConditions() {
        var current = {};
        Object.keys(known).forEach(function (k) { current[k] = known[k]; });
        fields.forEach(function (f) { delete current[f.getAttribute("data-question")]; });
        var shown = [];
        fields.forEach(function (field) {
            var id = field.getAttribute("data-question");
            var when = field.getAttribute("data-when");
            var visible = true;
            if (when) {
                var groups = JSON.parse(when);
                visible = groups.some(function (group) {
                    return group.every(function (clause) { return met(clause, current[clause.q]); });
                });
            }
            field.hidden = !visible;
            if (visible) {
                shown.push(id);
                current[id] = valuesOf(field);
            }
        });
        if (shownInput) { shownInput.value = shown.join(","); }
    }

    function applyNotRelevant(field) {
        var nr = field.querySelector("[data-not-relevant]");
        var box = field.querySelector("[data-justification]");
        if (box) { box.hidden = !(nr && nr.checked); }
    }

    function showSaved() {
        if (!status) { return; }
        var now = new Date();
        status.textContent = "Gespeichert um " + String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0") + " Uhr";
        status.classList.remove("failed");
    }

    function showFailed(text) {
        if (!status) { return; }
        status.textContent = text;
        status.classList.add("failed");
    }

    var pending = null;
    function save() {
        var data = new FormData(form);
        fetch(form.getAttribute("data-autosave"), { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
            .then(function (result) {
                if (!result.saved) { showFailed(result.message || "Nicht gespeichert."); return; }
                var errors = result.errors || {};
                var ids = Object.keys(errors);
                fields.forEach(function (field) {
                    var id = field.getAttribute("data-question");
                    var live = field.querySelector(".error-text.live");
                    if (errors[id]) {
                        if (!live) { live = document.createElement("p"); live.className = "error-text live"; field.insertBefore(live, field.querySelector("input, textarea, .choices")); }
                        live.textContent = errors[id];
                        field.classList.add("has-error");
                    } else if (live) {
                        live.remove();
                        field.classList.remove("has-error");
                    }
                });
                if (ids.length === 0) { showSaved(); } else { showFailed("Einige Angaben sind noch nicht gültig und wurden nicht gespeichert."); }
            })
            .catch(function () { showFailed("Keine Verbindung – Ihre Antworten werden beim Klick auf „Speichern und weiter“ gespeichert."); });
    }

    function schedule(delay) {
        if (pending) { clearTimeout(pending); }
        pending = setTimeout(function () { pending = null; save(); }, delay);
    }

    fields.forEach(function (field) {
        applyNotRelevant(field);
        field.addEventListener("change", function (event) {
            var target = event.target;
            // "nicht relevant", "weiß nicht" and real answers exclude each other in multiple choice and beside a typed answer.
            if (target.type === "checkbox") {
                var special = target.hasAttribute("data-not-relevant") || target.hasAttribute("data-dont-know");
                if (special && target.checked) {
                    field.querySelectorAll("input[type=checkbox]").forEach(function (c) { if (c !== target) { c.checked = false; } });
                    field.querySelectorAll("input[type=text], textarea").forEach(function (t) { if (!t.closest("[data-justification], [data-evidence]")) { t.value = ""; } });
                } else if (target.checked) {
                    field.querySelectorAll("[data-not-relevant], [data-dont-know]").forEach(function (c) { c.checked = false; });
                }
            }
            applyNotRelevant(field);
            applyConditions();
            schedule(150);
        });
        field.addEventListener("input", function (event) {
            if (event.target.type === "text" || event.target.tagName === "TEXTAREA") {
                // Typing a number or text replaces "weiß nicht" (but the reason for "nicht relevant" and the evidence are typed beside an answer).
                if (event.target.value && !event.target.closest("[data-justification], [data-evidence]")) {
                    var dk = field.querySelector("input[type=checkbox][data-dont-know]");
                    if (dk) { dk.checked = false; }
                }
                applyConditions();
                schedule(900);
            }
        });
    });

    applyConditions();
})();
