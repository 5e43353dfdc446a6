#!/bin/sh
# browser.sh BINARY - the audit report in a real browser (headless Chromium):
#   - a report of the shared seeds with their gold (or, where ../shared is
#     absent, of three corpus/ articles with theirs) is written;
#   - each page, loaded in a frame of a small test page, has one [data-stmt]
#     element per statement node, each with the node's data-rule; its text,
#     labels and tooltips left out, has doc.length code points, and every
#     statement, mention, source and cue span of the graph is that text's
#     [start, end) slice; focusing a statement shows its tooltip;
#   - index.html links every page;
#   - a screenshot of the first page is taken (kept as $QG_SCREENSHOT when
#     that is set: docs/img/audit-seed.png comes from here).
# Skips with a message when Chromium is absent.
# Prints "ok NAME" / "FAIL NAME" and "browser: N passed, M failed".
set -u
QG=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
passed=0
failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

chromium=""
for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null 2>&1 && { chromium=$c; break; }
done
if [ -z "$chromium" ]; then
    echo "skip: chromium not found; install with QG_WITH_CHROMIUM=1 sh scripts/install-deps.sh"
    echo "browser: 0 passed, 0 failed"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
browse() { # browse ARGS...: headless, quiet, bounded in time
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/profile" \
        "$@" 2>/dev/null
}

cd "$top" || exit 2
if [ -d ../shared/corpus/seeds ] && [ -f ../shared/gold/seeds.gold.jsonl ]; then
    set -- ../shared/corpus/seeds
    cp ../shared/gold/seeds.gold.jsonl "$tmp/gold.jsonl"
else
    echo "skip seeds: ../shared is not beside this checkout; using three corpus/ articles"
    set -- corpus/ap_city_council_budget.txt corpus/afp_port_deal_sri_lanka.txt corpus/analysis_four_day_week.txt
    grep -E '^\{"id": ?"(ap_city_council_budget|afp_port_deal_sri_lanka|analysis_four_day_week)"' \
        corpus/gold/corpus.gold.jsonl > "$tmp/gold.jsonl"
fi
"$QG" -o "$tmp/graphs.jsonl" "$@" || { fail report "quotegraph run failed"; echo "browser: $passed passed, $failed failed"; exit 1; }
if "$QG" audit --gold "$tmp/gold.jsonl" -o "$tmp/report" "$tmp/graphs.jsonl"; then ok report
else fail report "quotegraph audit failed"; fi

# The test page: each report page in a frame, checked by script once all
# have loaded (the report itself has no script). Graph lines are embedded
# as object literals; "</" is escaped so that no text ends the script.
{
    echo '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="result">not run</pre>'
    echo '<script>var docs = ['
    while IFS= read -r line; do
        case $line in *'"error":{'*) continue ;; esac
        id=$(printf '%s\n' "$line" | sed -n 's/^{"schema":"quotegraph\/1","doc":{"id":"\([^"]*\)".*/\1/p')
        page=$(printf '%s' "$id" | tr -c 'A-Za-z0-9._-' '_').html
        printf '{"page":"%s","rec":%s},\n' "$page" "$(printf '%s\n' "$line" | sed 's,</,<\\/,g')"
    done < "$tmp/graphs.jsonl"
    echo '];'
    cat <<'JS'
document.write(docs.map(function (d, i) {
  return '<iframe id="f' + i + '" src="' + d.page + '" width="1000" height="600"></iframe>';
}).join(''));
function check(d, doc) {
  var problems = [], rec = d.rec, byId = {}, nstmt = 0;
  rec.nodes.forEach(function (n) { byId[n.id] = n; if (n.type === 'statement') nstmt++; });
  var els = doc.querySelectorAll('[data-stmt]');
  if (els.length !== nstmt) problems.push(els.length + ' statement elements for ' + nstmt + ' statements');
  Array.prototype.forEach.call(els, function (el) {
    var n = byId[el.getAttribute('data-stmt')];
    if (!n || n.type !== 'statement') problems.push('element for no statement: ' + el.getAttribute('data-stmt'));
    else if (el.getAttribute('data-rule') !== n.rule) problems.push(n.id + ': data-rule ' + el.getAttribute('data-rule'));
    if (el.getAttribute('tabindex') !== '0') problems.push(el.id + ': not focusable');
  });
  var box = doc.querySelector('.text');
  if (!box) return ['no .text'];
  var copy = box.cloneNode(true);
  Array.prototype.forEach.call(copy.querySelectorAll('.badge, .tip, .flag'), function (x) { x.remove(); });
  var cps = Array.from(copy.textContent);
  if (cps.length !== rec.doc.length) problems.push('text has ' + cps.length + ' code points, doc.length ' + rec.doc.length);
  function slice(sp, what, want) {
    var got = cps.slice(sp[0], sp[1]).join('');
    if (got !== want) problems.push(what + ' [' + sp + ']: "' + got + '" is not "' + want + '"');
  }
  rec.nodes.forEach(function (n) {
    if (n.span) slice(n.span, n.id, n.text);
    (n.mentions || []).forEach(function (m) { slice(m.span, n.id + ' mention', m.text); });
  });
  rec.edges.forEach(function (e) {
    if (e.source) slice(e.source.span, e.to + ' source', e.source.text);
    if (e.cue) slice(e.cue.span, e.to + ' cue', e.cue.text);
  });
  if (els.length) {
    var tip = els[0].querySelector('.tip');
    els[0].focus();
    if (!tip || doc.defaultView.getComputedStyle(tip).display === 'none') problems.push('no tooltip on focus');
  }
  return problems;
}
window.addEventListener('load', function () {
  document.getElementById('result').textContent = docs.map(function (d, i) {
    var doc = document.getElementById('f' + i).contentDocument;
    var p = doc ? check(d, doc) : ['the page cannot be read'];
    return (p.length ? 'FAIL' : 'ok') + ' ' + d.rec.doc.id + (p.length ? ': ' + p.slice(0, 5).join('; ') : '');
  }).join('\n');
});
</script></body></html>
JS
} > "$tmp/report/test.html"
browse --allow-file-access-from-files --dump-dom "file://$tmp/report/test.html" > "$tmp/test.dom"
results=$(sed -n '/<pre id="result">/,/<\/pre>/p' "$tmp/test.dom" | sed -e 's/.*<pre id="result">//' -e 's/<\/pre>.*//')
ndocs=$(grep -vc '"error":{' "$tmp/graphs.jsonl")
if [ "$(printf '%s\n' "$results" | grep -c '^ok ')" -eq "$ndocs" ]; then ok "dom-statements-and-spans ($ndocs pages)"
else fail dom-statements-and-spans "$(printf '%s\n' "$results" | grep -v '^ok ' | head -5)"; fi

# The index, as the browser parsed it: a link per document.
browse --dump-dom "file://$tmp/report/index.html" > "$tmp/index.dom"
links=$(grep -o '<a href="[^"]*\.html">' "$tmp/index.dom" | sort -u | wc -l)
if [ "$links" -eq "$ndocs" ]; then ok index-links
else fail index-links "$links links for $ndocs documents"; fi

first=$(ls "$tmp/report" | grep -v -e '^index.html$' -e '^test.html$' | head -n 1)
browse --screenshot="$tmp/shot.png" --window-size=1200,1400 "file://$tmp/report/$first" > /dev/null
if [ -s "$tmp/shot.png" ] && [ "$(head -c 4 "$tmp/shot.png" | od -An -c | tr -d ' ')" = '211PNG' ]; then
    ok screenshot
    [ -n "${QG_SCREENSHOT:-}" ] && cp "$tmp/shot.png" "$QG_SCREENSHOT"
else
    fail screenshot "no PNG written"
fi

echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
