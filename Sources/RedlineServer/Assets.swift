import RedlineReport

/// The two same-origin static files every page loads.
enum Assets {
  /// Progressive enhancement only: when a reader selects words inside one paragraph, the
  /// paragraph's quote field is filled with them and its comment form opens. Without
  /// JavaScript the field is typed by hand.
  static let script = """
    (function () {
      "use strict";
      function holder(node) {
        while (node && node.nodeType !== 1) { node = node.parentNode; }
        if (!node || !node.closest || node.closest("form")) { return null; }
        return node.closest(".para, .block");
      }
      function selected(sel, box) {
        var frag = sel.getRangeAt(0).cloneContents();
        if (!box.classList.contains("deleted")) {
          frag.querySelectorAll("del, .tag, .label, .badge").forEach(function (e) { e.remove(); });
        }
        return (frag.textContent || "").replace(/\\s+/g, " ").trim();
      }
      function capture() {
        var sel = window.getSelection();
        if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
        var box = holder(sel.anchorNode);
        if (!box || box !== holder(sel.focusNode)) { return; }
        var input = box.querySelector("input.quote");
        if (!input) { return; }
        var text = selected(sel, box);
        if (!text) { return; }
        input.value = text.slice(0, 2000);
        var details = box.querySelector("details.act");
        if (details) { details.open = true; }
      }
      document.addEventListener("mouseup", capture);
      document.addEventListener("keyup", capture);
      document.addEventListener("redline:select", capture);
    })();

    """

  static let css =
    HTML.style + """

      html:lang(fi) ins::before { content: " [lisätty: "; } html:lang(fi) del::before { content: " [poistettu: "; }
      html:lang(fi) ins::after, html:lang(fi) del::after { content: " loppu.] "; }
      html:lang(sv) ins::before { content: " [tillagt: "; } html:lang(sv) del::before { content: " [struket: "; }
      html:lang(sv) ins::after, html:lang(sv) del::after { content: " slut.] "; }
      html:lang(en) ins::before { content: " [inserted: "; } html:lang(en) del::before { content: " [deleted: "; }
      html:lang(en) ins::after, html:lang(en) del::after { content: " end.] "; }
      body { max-width: 60rem; }
      nav.top { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: .9rem; display: flex; flex-wrap: wrap;
        gap: .4rem 1rem; align-items: center; border-bottom: 2px solid #1f5fa8; padding-bottom: .5rem; margin-bottom: 1rem; }
      nav.top .brand { font-weight: bold; color: #1f5fa8; text-decoration: none; }
      nav.top .right { margin-left: auto; display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; }
      form.inline { display: inline; }
      button, select, input, textarea { font: inherit; }
      button { background: #1f5fa8; color: #fff; border: 0; border-radius: 4px; padding: .3rem .8rem; cursor: pointer; }
      button:focus, a:focus, summary:focus { outline: 3px solid #f0a000; outline-offset: 2px; }
      nav.top button { background: #555; }
      table.versions td, table.threads td { font-size: .95em; }
      .para { margin: .5rem 0 .8rem; padding: .3rem .6rem; border-left: 3px solid #ddd; }
      .para .text, .block .text { white-space: pre-wrap; overflow-wrap: anywhere; }
      .label { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: .75rem; color: var(--muted); margin-right: .4rem; }
      .badge { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: .75rem; background: #fff3cd;
        border-radius: 3px; padding: 0 .3rem; }
      details.act { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: .85rem; margin: .2rem 0; }
      details.act summary { color: #1f5fa8; cursor: pointer; }
      form.comment, form.reply, form.resolve { display: grid; gap: .4rem; max-width: 40rem; margin: .4rem 0 .8rem; }
      form.comment label, form.reply label, form.resolve label { display: grid; gap: .15rem; }
      form.comment button, form.reply button, form.resolve button { justify-self: start; }
      textarea, input[type=text] { width: 100%; padding: .3rem; border: 1px solid #888; border-radius: 3px; }
      form.pick { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
      nav.toc ul { list-style: none; padding-left: 0; } nav.toc li.lvl2 { padding-left: 1rem; } nav.toc li.lvl3 { padding-left: 2rem; }
      nav.toc li.lvl4, nav.toc li.lvl5, nav.toc li.lvl6 { padding-left: 3rem; }
      nav.docs { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: .9rem; margin: .4rem 0 .8rem; }
      .note { background: #eef4fb; padding: .4rem .6rem; border-radius: 4px; font-size: .9rem; }
      .error { background: var(--del-bg); color: var(--del-fg); padding: .5rem .7rem; border-radius: 4px; }
      blockquote { border-left: 4px solid #bbb; margin: .5rem 0; padding: .3rem .8rem; white-space: pre-wrap; }
      mark { background: #ffe58a; }
      ol.events { padding-left: 1.2rem; } .ev .body { white-space: pre-wrap; overflow-wrap: anywhere; }
      .ev-resolve .meta { color: #0b5d1e; } .ev-reopen .meta { color: #8a1c1c; }
      .st-open { color: #8a5a00; } .st-resolved { color: #0b5d1e; } .st-addressed { color: #1f5fa8; }
      .st-outdated, .st-orphaned, .st-unreadable { color: #8a1c1c; }
      .disp { font-style: italic; }
      details.breakdown { margin: .5rem 0; } details.breakdown summary { cursor: pointer; color: #1f5fa8; }
      table.breakdown td:not(:first-child), table.breakdown th:not(:first-child) { text-align: right; width: 7rem; }
      ul.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; font-weight: bold; }
      """
}
