#ifndef TEIGEN_CCMARK_SHIM_H
#define TEIGEN_CCMARK_SHIM_H
#include <cmark.h>
#endif
