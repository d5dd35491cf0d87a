/** The report's style sheet: inline, no web fonts, light and dark. */
export const reportCss = `
:root{--ok:#2f9e44;--failed:#e03131;--cancelled:#f08c00;--replayed:#1c7ed6;--paused:#7048e8;--unfinished:#fab005;--not-run:#adb5bd;--fg:#212529;--muted:#6c757d;--bg:#fff;--line:#dee2e6;--queue:#ced4da}
@media (prefers-color-scheme:dark){:root{--fg:#e9ecef;--muted:#adb5bd;--bg:#1a1b1e;--line:#373a40;--queue:#495057}}
*{box-sizing:border-box}
body{margin:0;padding:20px 24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h4{margin:10px 0 4px;font-size:12px;text-transform:uppercase;color:var(--muted)}
.meta{color:var(--muted)}.meta b{color:var(--fg);font-weight:600}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;vertical-align:2px}
.legend span{margin-right:14px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.note{color:var(--muted);font-size:12px}.error{color:var(--failed)}
.graph-box{overflow:auto;border:1px solid var(--line);border-radius:6px;max-height:560px}
svg.graph text{font-size:12px;text-anchor:middle;fill:#fff}svg.graph .node-detail{font-size:11px;opacity:.9}
svg.graph .edge{fill:none;stroke:var(--muted);stroke-width:1.4}svg.graph .loop{stroke-dasharray:4 3}svg.graph .arrow-head{fill:var(--muted)}
svg.graph .node rect,svg.graph .node polygon{stroke:rgba(0,0,0,.25)}
${['ok', 'failed', 'cancelled', 'replayed', 'paused', 'unfinished', 'not-run']
  .map(
    (outcome) =>
      `.outcome-${outcome} rect,.outcome-${outcome} polygon{fill:var(--${outcome})}.row.outcome-${outcome} .bar,.badge.outcome-${outcome},.legend .outcome-${outcome}{background:var(--${outcome})}`,
  )
  .join('\n')}
svg.graph .outcome-unfinished text,svg.graph .outcome-not-run text{fill:#212529}
.timeline{border:1px solid var(--line);border-radius:6px;overflow:hidden}
.row{display:grid;grid-template-columns:minmax(140px,220px) 1fr minmax(200px,340px);align-items:center;border-top:1px solid var(--line);min-height:26px}
.row:first-child{border-top:0}.row:target{outline:2px solid var(--replayed)}
.who{padding:2px 8px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.who small{color:var(--muted);margin-left:6px}
.track{position:relative;height:26px;border-left:1px solid var(--line);border-right:1px solid var(--line)}
.bar{position:absolute;top:6px;height:14px;min-width:2px;border-radius:3px;overflow:hidden;opacity:.55}
.bar .queue{position:absolute;left:0;top:0;bottom:0;background:var(--queue);opacity:1}
.bar .model{position:absolute;top:0;bottom:0;background:rgba(0,0,0,.45)}
.row.outcome-failed .bar{opacity:.9;outline:2px solid var(--failed)}
.facts{padding:2px 8px;font-size:12px;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.axis{background:transparent;font-size:11px;color:var(--muted)}.ticks span{position:absolute;top:5px;transform:translateX(-50%);white-space:nowrap}
.ticks span:first-child{transform:none}.ticks span:last-child{transform:translateX(-100%)}
details.io{border:1px solid var(--line);border-left:4px solid var(--ok);border-radius:4px;margin:4px 0;padding:4px 10px}
details.io.outcome-failed{border-left-color:var(--failed)}details.io.outcome-cancelled{border-left-color:var(--cancelled)}
details.io.outcome-unfinished{border-left-color:var(--unfinished)}details.io.outcome-replayed{border-left-color:var(--replayed)}
details.io summary{cursor:pointer}details.io summary small{color:var(--muted);margin-left:6px}
pre{white-space:pre-wrap;word-break:break-word;background:rgba(127,127,127,.08);padding:8px;border-radius:4px;margin:0;max-height:420px;overflow:auto;font-size:12px}
.none,.cut{color:var(--muted);font-style:italic;margin:2px 0}
button{font:inherit;font-size:12px;margin-right:6px}
`;

/** The report's only script: buttons that open or close every I/O section. It reads no data. */
export const reportScript = `
document.querySelectorAll('[data-toggle-io]').forEach(function (button) {
  button.addEventListener('click', function () {
    var open = button.getAttribute('data-toggle-io') === 'open';
    document.querySelectorAll('details.io').forEach(function (section) { section.open = open; });
  });
});
`;
