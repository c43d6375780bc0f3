#ifndef KGRAPH_CGRAPHVIZ_SHIM_H
#define KGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Graphviz's Agdirected descriptor by value. Swift 6 refuses to read the mutable C
   global directly (shared mutable state); kgraph only reads it, on its Graphviz thread. */
static inline Agdesc_t kgraph_directed(void) { return Agdirected; }

#endif
