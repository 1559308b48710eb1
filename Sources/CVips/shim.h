#ifndef TEIGEN_CVIPS_SHIM_H
#define TEIGEN_CVIPS_SHIM_H
#include <vips/vips.h>
#endif
