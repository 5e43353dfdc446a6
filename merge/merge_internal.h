/* merge_internal.h - the merger's data, shared by graph.c (reading and
 * resolving) and write.c (the output formats). */
#ifndef QG_MERGE_INTERNAL_H
#define QG_MERGE_INTERNAL_H

#include <jansson.h>

#include "merge.h"

/* Node types in output order; statements last. */
enum { MT_PERSON, MT_ORGANIZATION, MT_GROUP, MT_TITLE, MT_DATE, MT_STATEMENT, MT_COUNT };
/* Edge types in output order. */
enum { ME_HAS_TITLE, ME_SAID, ME_SAID_ON, ME_REPORTED_BY, ME_MEMBER_OF, ME_COUNT };

extern const char *const qg_merge_node_types[MT_COUNT];
extern const char *const qg_merge_edge_types[ME_COUNT];

/* One document's node: an entity, title, date or statement. Strings owned. */
typedef struct {
    char *doc, *node;
    int type;
    char *name;         /* entities and titles */
    char *value, *gran; /* dates; NULL for null */
    char *kind;         /* titles and statements */
    bool outlet;        /* organizations */
    char *mentions;     /* all but statements: the array as compact JSON */
    char *text, *rule;  /* statements */
    long start, end;    /* statements */
    size_t cluster;     /* after resolving */
} m_node;

/* One document's edge; FROM and TO are that document's node ids. */
typedef struct {
    char *doc, *from, *to, *rule;
    int type;
    double confidence;
    json_t *source, *cue; /* said only (JSON null allowed), else NULL */
    size_t group;         /* after resolving; SIZE_MAX when dangling */
} m_edge;

typedef struct {
    char *id;
    json_t *source, *date, *length; /* as given; JSON null when absent */
} m_doc;

/* A corpus node: the document nodes that refer to one thing. */
typedef struct {
    char *id;
    int type;
    char *name;         /* canonical name; statements: canonical text; dates: value or NULL */
    const char *kind;   /* titles and statements: borrowed from a member */
    const char *gran;   /* dates */
    bool outlet;
    size_t *members;    /* m_node indices, sorted by document and node id */
    size_t n, cap;
    size_t ndocs;
    const m_node *first; /* the first member */
    size_t *links;      /* persons: title clusters; statements: speaker clusters */
    size_t nlinks, links_cap;
    size_t *reporters;  /* statements: reported_by target clusters */
    size_t nreporters, reporters_cap;
} m_cluster;

/* A corpus edge: the document edges between the same two corpus nodes. */
typedef struct {
    int type;
    size_t from, to;    /* cluster indices */
    size_t *members;    /* m_edge indices, sorted */
    size_t n, cap;
    size_t ndocs;
} m_group;

struct qg_merge {
    const qg_rules *rules;
    m_doc *docs;
    size_t ndocs, docs_cap;
    m_node *nodes;
    size_t nnodes, nodes_cap;
    m_edge *edges;
    size_t nedges, edges_cap;
    json_t *seen;       /* keys of the observations held */
    m_cluster *clusters; /* in output order after resolving */
    size_t nclusters, clusters_cap;
    m_group *groups;    /* in output order after resolving */
    size_t ngroups, groups_cap;
    json_t *node_ids;   /* "doc\x1fnode" -> cluster index */
    size_t dangling;
    bool resolved;
};

/* Grows *ARR (elements of ELSIZE) to hold NEED; 0 or -1. */
int qg_merge_grow(void **arr, size_t *cap, size_t need, size_t elsize);

#endif
