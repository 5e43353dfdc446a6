# benchmix.awk - a deterministic news-like corpus for `make bench`.
#
#   awk -v mb=100 -v seed=20261122 -f scripts/benchmix.awk corpus/*.txt
#
# Reads the articles' paragraphs (blocks separated by blank lines) and writes
# JSON lines {"id":"mix-N","text":...} until MB megabytes are out. Each
# document is a headline paragraph of one article followed by 6 to 24
# paragraphs drawn from all articles, so quote density and the mix of direct
# and reported speech stay those of real news while no two documents repeat.
# The generator is MINSTD (x * 48271 mod 2^31-1), whose products stay below
# 2^53: every POSIX awk gives the same corpus for the same seed.
function next_random() {
    state = (state * 48271) % 2147483647
    return state
}
function pick(n) { return next_random() % n }
function json_escape(s) {
    gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s)
    gsub(/\n/, "\\n", s)
    return s
}
FNR == 1 {
    if (para != "") { paras[npara++] = para; para = "" }
    heads[nheads++] = npara
}
/^[ \t\r]*$/ {
    if (para != "") { paras[npara++] = para; para = "" }
    next
}
{ para = (para == "" ? $0 : para "\n" $0) }
END {
    if (para != "") paras[npara++] = para
    if (npara == 0) { print "benchmix: no paragraphs in the input" > "/dev/stderr"; exit 1 }
    state = (seed + 0 > 0 ? seed : 20261122) % 2147483647
    limit = (mb + 0 > 0 ? mb : 100) * 1000000
    for (written = 0; written < limit; ) {
        text = paras[heads[pick(nheads)]]
        n = 6 + pick(19)
        for (k = 0; k < n; k++)
            text = text "\n\n" paras[pick(npara)]
        line = sprintf("{\"id\":\"mix-%06d\",\"text\":\"%s\"}", ++docs, json_escape(text))
        print line
        written += length(line) + 1
    }
}
