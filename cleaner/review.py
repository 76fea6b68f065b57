"""The review page (``clean-article review``) and the per-rule counts (``--stats``).

A person tuning the cleaner on a site needs to *see* what went and why. The
review page is one static HTML file, with no network and no external assets
(CSS and JavaScript inline), showing per input the metadata found and every
line the passes saw: kept lines plain, removed lines coloured by rule family
with their rule id and reason (the article's ``removed`` list, as
``--explain`` reports it), counts per rule (per input and overall), and
checkboxes that hide or show the lines of each rule.

For a thousand inputs it stays light: each input is a collapsed
``<details>`` section whose lines sit in an inert JSON block and are turned
into elements only when the section is opened. Inputs are hostile: every
string goes into the page escaped (HTML text) or as JSON with ``<``, ``>``
and ``&`` escaped, which the script reads with ``JSON.parse`` and writes
with ``textContent``, never as markup.

The page reads its URL fragment, so a link (or a test) can open it filtered:
``review.html#filter=cta.prompt,ads.marker&open=all`` shows only those
rules' lines (kept lines hidden; ``&kept=1`` shows them too) and opens every
section (``open=0,3`` opens the first and fourth, as clicks would). After applying it,
the page records how many lines are visible in ``data-visible`` attributes
(on ``<body>`` and each section).

>>> json_block('</script><b>"x"</b>')
'"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\"x\\\\"\\\\u003c/b\\\\u003e"'
"""
from __future__ import annotations

import json
import os
import tempfile
from html import escape
from typing import Any, Dict, Iterator, List, Optional

from .batch import Outcome, Task, clean_article, removed_counts, shown
from .inputs import Failure
from .rules import RULES, RULES_BY_ID, family

#: Text of an element the HTML pre-clean dropped is shown up to this many characters:
#: a dropped footer can hold a page's worth of links.
DROPPED_TEXT_CHARS = 300
#: An input's title is shown in its section's summary line up to this many characters.
TITLE_CHARS = 90
#: Metadata fields shown per input, in this order.
META_FIELDS = ("title", "authors", "date_published", "date_modified", "sources", "image_credits", "tags",
               "categories", "url", "hostname", "sitename", "language", "description", "word_count")
#: Colours of the rule families, by the family's place in the registry; readable on white as a
#: left border, and as a pale background at 12% opacity.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf", "#ff7f0e", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd")


# -- per-rule counts (--stats) ----------------------------------------------------
class StatsSink:
    """Wraps a sink: sums each written input's removed-line counts, writes them as JSON on close.

    The counts come with each :class:`~cleaner.batch.Outcome` from the process
    that cleaned it (:func:`cleaner.batch.removed_counts`); sums do not depend
    on the order, and keys are sorted, so the file is the same with any ``--jobs``.
    """

    def __init__(self, sink, path: str):
        self.sink, self.path = sink, path
        self.total = Counts()
        self.by_format: Dict[str, Counts] = {}

    def write(self, outcome: Outcome) -> List[str]:
        warnings = self.sink.write(outcome)
        if outcome.end:  # the end of an archive's part, not an input
            return warnings
        stats = outcome.stats or {"input_format": "text", "removed": {}}
        self.total.add(stats["removed"])
        self.by_format.setdefault(stats["input_format"], Counts()).add(stats["removed"])
        return warnings

    def close(self) -> None:
        self.sink.close()
        from .outdir import atomic_write

        try:
            atomic_write(self.path, (json.dumps(self.result(), indent=2) + "\n").encode("utf-8"), replace=True)
        except OSError as e:
            import click

            raise click.FileError(self.path, e.strerror or str(e)) from None

    def result(self) -> Dict[str, Any]:
        """``{"inputs", "removed", "by_rule", "by_input_format": {format: {same keys}}}``.

        >>> s = StatsSink(None, "-")
        >>> s.total.add({"ads.marker": 2, "cta.prompt": 1}); s.by_format["text"] = s.total
        >>> s.result()["by_rule"], s.result()["removed"]
        ({'ads.marker': 2, 'cta.prompt': 1}, 3)
        """
        d = self.total.to_dict()
        d["by_input_format"] = {fmt: self.by_format[fmt].to_dict() for fmt in sorted(self.by_format)}
        return d


class Counts:
    """Inputs and removed lines per rule id, summed over inputs."""

    def __init__(self):
        self.inputs = 0
        self.by_rule: Dict[str, int] = {}

    def add(self, removed: Dict[str, int]) -> None:
        self.inputs += 1
        for rule, n in removed.items():
            self.by_rule[rule] = self.by_rule.get(rule, 0) + n

    def to_dict(self) -> Dict[str, Any]:
        return {"inputs": self.inputs, "removed": sum(self.by_rule.values()),
                "by_rule": {rule: self.by_rule[rule] for rule in sorted(self.by_rule)}}


# -- one input, in whichever process ------------------------------------------------
class Capture:
    """A step that removes nothing and keeps the document, to show every line the passes saw.

    It runs last, so the document it holds is the one the findings were recorded on
    (on HTML input, the headline check records on the same document afterwards).
    """

    NAME = "capture"

    def __init__(self):
        self.doc = None

    def run(self, doc) -> Iterator:
        self.doc = doc
        return iter(())


def review_task(task: Task) -> Outcome:
    """Clean one input as the command would and return its review record (see :func:`record`)."""
    from . import batch

    options = batch._State.options
    if task.error is not None:
        return Outcome(task.path, error=task.error)
    capture = Capture()
    try:
        article = clean_article(task, options, after=(capture,))
    except Failure as e:
        return Outcome(task.path, error=str(e))
    except Exception as e:  # noqa: BLE001 - one bad input must not stop the batch
        return Outcome(task.path, error=f"{shown(task.path)}: internal error: {type(e).__name__}: {e}")
    return Outcome(task.path, record=record(article, capture.doc, shown(task.path)))


def record(article, doc, name: str) -> Dict[str, Any]:
    """What the page shows of one input: a dict of plain values (it travels between processes).

    ``lines``: ``[text, rule, reason]`` per line the passes saw (``rule`` None
    when kept); ``dropped``: ``[rule, reason, text]`` per element the HTML
    pre-clean dropped; ``counts``: removed lines per rule id, as in the
    article's ``removed`` list.
    """
    removed = {r.line: r for r in article.removed if r.line > 0}
    if doc is not None:
        lines = [[ln.text, None, None] for ln in doc.lines]
    else:  # the passes did not run (HTML that could not be parsed): the body is all there is
        lines = [[t, None, None] for t in article.text.split("\n")] if article.text else []
    for number, r in removed.items():
        if 0 < number <= len(lines):
            lines[number - 1][1:] = [r.rule, r.reason]
    counts = removed_counts(article)["removed"]
    meta = {}
    for key in META_FIELDS:
        value = getattr(article, key)
        if value not in (None, "", []):
            meta[key] = value
    if article.related:
        meta["related"] = [r["title"] for r in article.related]
    return {"name": name, "input_format": article.input_format, "encoding": article.encoding,
            "warnings": list(article.warnings), "meta": meta, "lines": lines,
            "dropped": [[r.rule, r.reason, r.text[:DROPPED_TEXT_CHARS]] for r in article.removed if r.line == 0],
            "counts": counts}


# -- the page ---------------------------------------------------------------------------
def json_block(value: Any) -> str:
    """``value`` as JSON safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` or line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class Palette:
    """A colour per rule family: the registry's families in order, then any other in order of first sight."""

    def __init__(self):
        self.colours: Dict[str, str] = {}
        for r in RULES:
            self.of(family(r.id))

    def of(self, fam: str) -> str:
        if fam not in self.colours:
            self.colours[fam] = PALETTE[len(self.colours) % len(PALETTE)]
        return self.colours[fam]


class ReviewSink:
    """Writes the review page: sections stream to a temporary file as inputs come, the page at close.

    Only the counts stay in memory, so a batch of any size fits; the page is
    written to a temporary file beside ``path`` and renamed into place.
    """

    def __init__(self, path: str, sources: Dict[str, Optional[str]], failures: Optional[List[str]] = None):
        """``sources``: the rule and profile files in use, by kind; ``failures``: a list the caller
        appends each failed input's message to while the batch runs (shown at the top of the page)."""
        self.path, self.sources = path, sources
        self.failures: List[str] = failures if failures is not None else []
        self.sections = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.total: Dict[str, int] = {}
        self.inputs = 0
        self.rule_index: Dict[str, int] = {r.id: i for i, r in enumerate(RULES)}
        self.palette = Palette()

    def rule_no(self, rule: str) -> int:
        if rule not in self.rule_index:  # a rule not in the registry (a new pass): shown all the same
            self.rule_index[rule] = len(self.rule_index)
        return self.rule_index[rule]

    def write(self, outcome: Outcome) -> List[str]:
        rec = outcome.record
        for rule, n in rec["counts"].items():
            self.total[rule] = self.total.get(rule, 0) + n
            self.rule_no(rule)
        self.sections.write(self.section(self.inputs, rec))
        self.inputs += 1
        return []

    def section(self, i: int, rec: Dict[str, Any]) -> str:
        counts = rec["counts"]
        removed = sum(counts.values())
        kept = sum(1 for text, rule, _ in rec["lines"] if text and rule is None)
        badges = "".join(self.badge(rule, n) for rule, n in sorted(counts.items(), key=lambda kv: self.rule_no(kv[0])))
        meta_rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(_shown_value(v))}</td></tr>"
                            for k, v in rec["meta"].items())
        info = f"{escape(rec['input_format'])}" + (f", {escape(rec['encoding'])}" if rec["encoding"] else "")
        warnings = "".join(f"<li>{escape(w)}</li>" for w in rec["warnings"])
        counts_rows = "".join(
            f'<tr><td>{self.badge(rule, None)}</td><td class="n" data-rule="{escape(rule)}" data-count="{n}">{n}</td>'
            f"</tr>" for rule, n in sorted(counts.items(), key=lambda kv: self.rule_no(kv[0])))
        data = {"lines": [[t, None if r is None else self.rule_no(r), why] for t, r, why in rec["lines"]],
                "dropped": [[self.rule_no(r), why, t] for r, why, t in rec["dropped"]]}
        return (
            f'<details class="input" id="in{i}" data-i="{i}" data-name="{escape(rec["name"])}" '
            f'data-removed="{removed}" data-kept="{kept}">'
            f'<summary><span class="name">{escape(rec["name"])}</span> '
            + (f'<span class="title">{escape(_cut(str(rec["meta"]["title"]), TITLE_CHARS))}</span> '
               if rec["meta"].get("title") else "")
            + f'<span class="fmt">{info}</span> <span class="tally">{kept} kept, {removed} removed</span> '
            f'<span class="badges">{badges}</span></summary>'
            f'<div class="body"><div class="side"><table class="meta">{meta_rows}</table>'
            + (f'<ul class="warn">{warnings}</ul>' if warnings else "")
            + f'<table class="counts">{counts_rows}</table></div>'
            f'<div class="lines" data-rendered="0"></div></div>'
            f'<script type="application/json" class="data">{json_block(data)}</script></details>\n')

    def badge(self, rule: str, n: Optional[int]) -> str:
        no = self.rule_no(rule)
        colour = self.palette.of(family(rule))
        count = f' <b data-rule="{escape(rule)}" data-count="{n}">{n}</b>' if n is not None else ""
        return f'<span class="badge r{no}" style="--c:{colour}">{escape(rule)}{count}</span>'

    def close(self) -> None:
        folder = os.path.dirname(os.path.abspath(self.path))
        fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(self.path) + ".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(self.head())
                self.sections.seek(0)
                while True:
                    block = self.sections.read(1 << 20)
                    if not block:
                        break
                    out.write(block)
                out.write(TAIL)
            os.chmod(tmp, 0o644)
            os.replace(tmp, self.path)
        finally:
            self.sections.close()
            if os.path.lexists(tmp):
                os.unlink(tmp)

    def head(self) -> str:
        rules = sorted(self.rule_index, key=self.rule_index.get)
        colours = "".join(f".r{self.rule_index[r]}{{--c:{self.palette.of(family(r))}}}" for r in rules)
        rows = []
        for rule in rules:
            info = RULES_BY_ID.get(rule)
            n = self.total.get(rule, 0)
            rows.append(
                f'<tr class="{"" if n else "zero"}"><td><label><input type="checkbox" class="rule" '
                f'data-no="{self.rule_index[rule]}" data-rule="{escape(rule)}" checked> '
                f'<span class="badge r{self.rule_index[rule]}">{escape(rule)}</span></label></td>'
                f'<td>{escape(info.step if info else "?")}</td>'
                f'<td class="n" data-rule="{escape(rule)}" data-count="{n}">{n}</td>'
                f'<td>{escape(info.description if info else "not in the rule registry")}</td></tr>')
        sources = "".join(f"<li>{escape(k)}: {escape(v) if v else '<i>none</i>'}</li>"
                          for k, v in self.sources.items())
        failures = "".join(f"<li>{escape(f)}</li>" for f in self.failures)
        removed = sum(self.total.values())
        used = sum(1 for n in self.total.values() if n)
        names = json_block([r for r in rules])
        return (HEAD.replace("/*COLOURS*/", colours)
                + f'<header><h1>clean-article review</h1><p class="summary" data-inputs="{self.inputs}" '
                f'data-removed="{removed}">{self.inputs} inputs, {removed} lines removed'
                + (f", {len(self.failures)} failed" if self.failures else "")
                + f'</p><ul class="sources">{sources}</ul>'
                + (f'<details class="failed"><summary>{len(self.failures)} inputs failed</summary><ul>{failures}'
                   f'</ul></details>' if failures else "")
                + '</header><section class="controls">'
                '<label><input type="checkbox" id="kept" checked> kept lines</label> '
                '<button type="button" id="all">all rules</button> <button type="button" id="none">no rule</button> '
                '<button type="button" id="open">open all</button> <button type="button" id="close">close all</button> '
                '<input type="search" id="find" placeholder="filter inputs by name"> '
                '<span id="visible"></span></section>'
                f'<details class="rulebox" open><summary>{used} of {len(rules)} rules removed lines here '
                '(uncheck a rule to hide its lines)</summary>'
                '<label class="unused"><input type="checkbox" id="unused"> list the rules that removed nothing</label>'
                f'<table class="rules"><thead><tr><th>rule (show)</th><th>step</th><th>removed</th>'
                f'<th>what it removes</th></tr></thead><tbody>{"".join(rows)}</tbody></table></details>'
                f'<script type="application/json" id="rule-names">{names}</script><main>\n')


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _shown_value(value: Any) -> str:
    if isinstance(value, list):
        return " · ".join(str(v) for v in value)
    return str(value)


HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>clean-article review</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;
 padding:0 16px 40px;color:#1d2125;background:#fafafa}
h1{font-size:20px;margin:18px 0 4px}
.summary{margin:0 0 4px;color:#444}
.sources{margin:0 0 8px;padding-left:18px;color:#555;font-size:13px}
.controls{position:sticky;top:0;background:#fafafa;border-bottom:1px solid #ddd;padding:6px 0;z-index:2}
.rulebox{margin:6px 0 10px}
.rulebox>summary{cursor:pointer;color:#444;margin-bottom:4px}
.unused{display:block;font-size:13px;color:#555;margin:2px 0 4px}
body:not(.show-unused) .rules tr.zero{display:none}
button{font:inherit;padding:1px 8px;border:1px solid #bbb;border-radius:4px;background:#fff;cursor:pointer}
#find{font:inherit;padding:1px 6px;width:200px}
#visible{color:#555;margin-left:8px}
table{border-collapse:collapse}
.rules td,.rules th{padding:1px 8px;text-align:left;vertical-align:top;font-size:13px}
.rules tr.zero{color:#999}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-left:4px solid var(--c);background:color-mix(in srgb,var(--c) 12%,white);
 padding:0 5px;margin:1px 2px;border-radius:2px;font:12px/1.5 ui-monospace,Menlo,Consolas,monospace}
details.input{background:#fff;border:1px solid #ddd;border-radius:4px;margin:6px 0}
details.input>summary{cursor:pointer;padding:5px 8px;list-style-position:inside}
details.input[hidden]{display:none}
.name{font-weight:600;word-break:break-all}
.fmt,.tally{color:#666;font-size:13px}
.title{font-style:italic;color:#333}
.body{display:flex;gap:14px;padding:6px 10px 10px;border-top:1px solid #eee}
.side{flex:0 0 280px;font-size:13px;overflow-wrap:anywhere}
.meta th{text-align:left;color:#666;font-weight:normal;padding-right:8px;vertical-align:top;white-space:nowrap;
 overflow-wrap:normal}
.meta td{vertical-align:top}
.warn{color:#8a5300;padding-left:16px}
.lines{flex:1;min-width:0;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace}
.ln{display:flex;gap:8px;white-space:pre-wrap;overflow-wrap:anywhere;padding:0 4px}
.ln .no{flex:0 0 44px;text-align:right;color:#999;user-select:none}
.ln .tx{flex:1}
.ln.rm{border-left:4px solid var(--c);background:color-mix(in srgb,var(--c) 10%,white);color:#555}
.ln .why{flex:0 0 34%;color:#333;font:12px/1.5 system-ui,sans-serif}
.ln .why b{font:12px ui-monospace,Menlo,Consolas,monospace;color:var(--c)}
.ln.blank{height:.6em}
.ln.blank .no{visibility:hidden}
.ln.drop .no{font-size:11px}
.hidden-kept .ln.kept,.hidden-kept .ln.blank{display:none}
/*COLOURS*/
</style><style id="filter"></style></head><body>
"""

TAIL = """</main>
<script>
"use strict";
(function(){
const names = JSON.parse(document.getElementById("rule-names").textContent);
const boxes = Array.from(document.querySelectorAll("input.rule"));
const kept = document.getElementById("kept");
const filterStyle = document.getElementById("filter");
function el(tag, cls, text){const e=document.createElement(tag); if(cls) e.className=cls;
  if(text!==undefined) e.textContent=text; return e;}
function line(no, text, rule, why, extra){
  const d = el("div", "ln");
  d.appendChild(el("span", "no", no));
  d.appendChild(el("span", "tx", text));
  if (rule === null) { d.classList.add(text ? "kept" : "blank"); return d; }
  d.classList.add("rm", "r" + rule);
  if (extra) d.classList.add(extra);
  d.dataset.rule = names[rule];
  const w = el("span", "why"); w.appendChild(el("b", null, names[rule])); w.appendChild(document.createTextNode(" " + why));
  d.appendChild(w);
  return d;
}
function render(details){
  const box = details.querySelector(".lines");
  if (box.dataset.rendered === "1") return;
  const data = JSON.parse(details.querySelector("script.data").textContent);
  const frag = document.createDocumentFragment();
  for (const [rule, why, text] of data.dropped) frag.appendChild(line("html", text, rule, why, "drop"));
  data.lines.forEach(([text, rule, why], i) => frag.appendChild(line(String(i + 1), text, rule, why)));
  box.appendChild(frag);
  box.dataset.rendered = "1";
}
function apply(){
  boxes.forEach(b => b.toggleAttribute("checked", b.checked));  // the state, visible in the DOM too
  const off = boxes.filter(b => !b.checked).map(b => ".ln.r" + b.dataset.no);
  filterStyle.textContent = off.length ? off.join(",") + "{display:none}" : "";
  document.body.classList.toggle("hidden-kept", !kept.checked);
  count();
}
function count(){
  let total = 0;
  for (const d of document.querySelectorAll("details.input")) {
    if (d.querySelector(".lines").dataset.rendered !== "1") { delete d.dataset.visible; continue; }
    let n = 0;
    for (const ln of d.querySelectorAll(".ln")) if (ln.getClientRects().length && !ln.classList.contains("blank")) n++;
    d.dataset.visible = n; total += n;
  }
  document.body.dataset.visible = total;
  document.getElementById("visible").textContent = total + " lines shown in open inputs";
}
document.addEventListener("toggle", e => { if (e.target.matches && e.target.matches("details.input") && e.target.open) {
  render(e.target); count(); } }, true);
boxes.forEach(b => b.addEventListener("change", apply));
kept.addEventListener("change", apply);
document.getElementById("unused").addEventListener("change", e => document.body.classList.toggle("show-unused", e.target.checked));
document.getElementById("all").onclick = () => { boxes.forEach(b => b.checked = true); apply(); };
document.getElementById("none").onclick = () => { boxes.forEach(b => b.checked = false); apply(); };
document.getElementById("open").onclick = () => { for (const d of document.querySelectorAll("details.input:not([hidden])")) { render(d); d.open = true; } count(); };
document.getElementById("close").onclick = () => { for (const d of document.querySelectorAll("details.input")) d.open = false; count(); };
document.getElementById("find").addEventListener("input", e => { const q = e.target.value.toLowerCase();
  for (const d of document.querySelectorAll("details.input")) d.hidden = q !== "" && !d.dataset.name.toLowerCase().includes(q); });
const params = new URLSearchParams(location.hash.slice(1));
if (params.has("filter")) {
  const want = new Set(params.get("filter").split(",").filter(Boolean));
  boxes.forEach(b => b.checked = want.has(b.dataset.rule));
  kept.checked = params.get("kept") === "1";
}
const opening = params.get("open") || "";
if (opening === "all") for (const d of document.querySelectorAll("details.input")) { render(d); d.open = true; }
else for (const i of opening.split(",").filter(Boolean)) {  // as a click does: the toggle event draws the lines
  const d = document.getElementById("in" + i); if (d) d.open = true; }
apply();
document.body.dataset.ready = "1";
})();
</script>
</body></html>
"""
