/* brat_scheme.c - what the brat writer and reader share: the type names, the
 * configuration files of an export folder and the escaping of note values. */
#include "brat.h"

#include <stdlib.h>
#include <string.h>

static const char *const type_names[QG_BRAT_NTYPES] = {
    "Statement", "Source", "Cue", "Person", "Organization", "Group", "Title", "Date",
};

const char *qg_brat_type_name(qg_brat_type type)
{
    return type >= 0 && type < QG_BRAT_NTYPES ? type_names[type] : "?";
}

int qg_brat_type_find(const char *name, size_t len)
{
    for (int t = 0; t < QG_BRAT_NTYPES; t++)
        if (strlen(type_names[t]) == len && memcmp(type_names[t], name, len) == 0)
            return t;
    return -1;
}

/* Overlap is allowed everywhere: a Source lies inside a Person mention or is
 * the same span, and a "quoted X as saying" Cue contains its Source. */
const char qg_brat_annotation_conf[] =
    "# quotegraph attribution scheme (docs/brat.md), written by quotegraph export.\n"
    "[entities]\n"
    "Statement\n"
    "Source\n"
    "Cue\n"
    "Person\n"
    "Organization\n"
    "Group\n"
    "Title\n"
    "Date\n"
    "\n"
    "[relations]\n"
    "Said\tArg1:Source, Arg2:Statement\n"
    "CueOf\tArg1:Cue, Arg2:Statement\n"
    "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
    "\n"
    "[events]\n"
    "\n"
    "[attributes]\n"
    "Kind\tArg:Statement, Value:direct|mixed|indirect\n"
    "Publication\tArg:Date\n";

/* Light backgrounds so the text stays readable; the arcs in the colour of
 * the entity they start from. */
const char qg_brat_visual_conf[] =
    "# Colours for the quotegraph scheme (docs/brat.md).\n"
    "[labels]\n"
    "Statement | Statement | Stmt\n"
    "Source | Source | Src\n"
    "Cue | Cue\n"
    "Person | Person | Per\n"
    "Organization | Organization | Org\n"
    "Group | Group | Grp\n"
    "Title | Title\n"
    "Date | Date\n"
    "Said | Said\n"
    "CueOf | CueOf\n"
    "\n"
    "[drawing]\n"
    "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n"
    "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n"
    "ATTRIBUTE_DEFAULT\tglyph:*\n"
    "Statement\tbgColor:#ffe8a3\n"
    "Source\tbgColor:#a9c8f5\n"
    "Cue\tbgColor:#f5a9a9\n"
    "Person\tbgColor:#b9e6b9\n"
    "Organization\tbgColor:#d4c2f0\n"
    "Group\tbgColor:#f0dcc2\n"
    "Title\tbgColor:#dddddd\n"
    "Date\tbgColor:#a9e9e4\n"
    "Said\tcolor:#2d5fa8\n"
    "CueOf\tcolor:#b03030\n"
    "Kind\tglyph:[D]|[M]|[I]\n"
    "Publication\tglyph:[pub]\n";

char *qg_brat_escape(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++)
        n += strchr("\\;\n\r\t", *p) ? 2 : 1;
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (const char *p = s; *p; p++) {
        const char *esc = strchr("\\;\n\r\t", *p);
        if (esc) {
            *o++ = '\\';
            *o++ = "\\;nrt"[esc - "\\;\n\r\t"];
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

int qg_brat_unescape(const char *s, size_t len, char **out, char *why, size_t whylen)
{
    *out = NULL;
    char *buf = malloc(len + 1), *o = buf;
    if (!buf)
        return -2;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\\') {
            *o++ = s[i];
            continue;
        }
        const char *esc = i + 1 < len && s[i + 1] ? strchr("\\;nrt", s[i + 1]) : NULL;
        if (!esc) {
            if (i + 1 < len && (unsigned char)s[i + 1] >= 0x20 && (unsigned char)s[i + 1] < 0x7f)
                snprintf(why, whylen, "unknown escape '\\%c' (use \\\\ \\; \\n \\r \\t)", s[i + 1]);
            else if (i + 1 < len)
                snprintf(why, whylen, "a backslash before a character that needs no escape");
            else
                snprintf(why, whylen, "a note value ends in a lone backslash");
            free(buf);
            return -1;
        }
        *o++ = "\\;\n\r\t"[esc - "\\;nrt"];
        i++;
    }
    *o = '\0';
    *out = buf;
    return 0;
}

char *qg_brat_excerpt(char *out, size_t outlen, const char *s, size_t len)
{
    size_t n = len < outlen - 1 ? len : outlen - 1;
    while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    for (size_t i = 0; i < n; i++)
        out[i] = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
    out[n] = '\0';
    return out;
}
