#ifndef KGRAPH_CGRAPHVIZ_SHIM_H
#define KGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

#endif
