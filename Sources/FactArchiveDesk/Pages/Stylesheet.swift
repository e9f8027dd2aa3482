/// The desk's one stylesheet, served at `/style.css` (no CDN, nothing fetched elsewhere):
/// readable on a laptop and a phone, numbers right-aligned, each tier its own colour.
enum Stylesheet {
  static let css = """
    :root{--ink:#1d2430;--muted:#5b6678;--line:#dde2ea;--soft:#f5f7fa;--accent:#2f5fc4;\
    --t1:#b3261e;--t2:#b35c00;--t3:#7a6a00;--t4:#4d5a6b}
    *{box-sizing:border-box}
    body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:var(--ink);background:#fff}
    a{color:var(--accent)}a:visited{color:#5a3fa8}
    header.top{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.6rem 1rem;\
    border-bottom:1px solid var(--line);background:var(--soft)}
    header.top .brand{font-weight:700;text-decoration:none;color:var(--ink)}
    header.top nav a{margin-right:.8rem}
    header.top .editor{margin-left:auto;display:flex;gap:.4rem;align-items:center;color:var(--muted)}
    main{max-width:1100px;margin:0 auto;padding:1rem}
    footer{max-width:1100px;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.85rem}
    h1{font-size:1.45rem;margin:.2rem 0 .6rem;line-height:1.25}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;\
    border-bottom:1px solid var(--line);padding-bottom:.2rem}
    .muted,.sub{color:var(--muted)}
    .tabs{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0;padding:0;list-style:none}
    .tabs a{display:inline-block;padding:.25rem .7rem;border:1px solid var(--line);border-radius:999px;\
    text-decoration:none;color:var(--ink)}
    .tabs a.on{background:var(--ink);color:#fff;border-color:var(--ink)}
    .tabs .count{font-variant-numeric:tabular-nums;margin-left:.3rem;color:inherit;opacity:.75}
    form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.6rem 0 1rem}
    form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}
    input,select,textarea,button{font:inherit}
    input,select,textarea{padding:.3rem .4rem;border:1px solid #b9c2cf;border-radius:4px}
    button{padding:.3rem .8rem;border:1px solid var(--accent);background:var(--accent);color:#fff;\
    border-radius:4px;cursor:pointer}
    button.quiet{background:#fff;color:var(--accent)}
    table{border-collapse:collapse;width:100%}
    th,td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid #eef1f5}
    th{background:var(--soft);font-size:.85rem}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    td.date{white-space:nowrap}
    .tier{display:inline-block;min-width:1.6rem;text-align:center;border-radius:4px;color:#fff;\
    font-size:.8rem;font-weight:600;padding:0 .3rem}
    .tier-1{background:var(--t1)}.tier-2{background:var(--t2)}.tier-3{background:var(--t3)}.tier-4{background:var(--t4)}
    ul.reasons{margin:.25rem 0 0;padding-left:1.1rem;font-size:.9rem}
    ul.reasons code,code{background:#f1f3f7;padding:0 .25rem;border-radius:3px;font-size:.85em}
    .banner{border-left:4px solid var(--t1);background:#fff4f2;padding:.5rem .8rem;margin:.6rem 0}
    .notice{border-left:4px solid var(--accent);background:#f2f6ff;padding:.5rem .8rem;margin:.6rem 0}
    .meta{color:var(--muted);margin:.2rem 0 .8rem}
    .summary p{margin:.4rem 0}
    mark{background:#ffe58a;padding:0 .1rem}
    del{background:#ffe1de;text-decoration:line-through}ins{background:#dcf5dd;text-decoration:none}
    .cards{display:flex;flex-wrap:wrap;gap:1rem}
    .card{border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem;flex:1 1 18rem}
    .card form{display:flex;flex-direction:column;gap:.5rem}
    .card label{display:flex;flex-direction:column;gap:.15rem;font-size:.9rem;color:var(--muted)}
    form.inline{display:inline;margin-left:.5rem}
    tr.disagreement td{background:#fff4f2}strong.disagrees{color:var(--t1)}
    .pager{display:flex;gap:1rem;justify-content:space-between;margin:1rem 0}
    .message{font-size:1.05rem}
    svg .bar{fill:#3b6fd8}svg .axis{stroke:#9aa5b5}svg text{font-size:11px;fill:#1d2430;text-anchor:middle}
    @media (max-width:640px){body{font-size:14px}main{padding:.6rem}th.hide,td.hide{display:none}\
    header.top .editor{margin-left:0}}
    """
}
