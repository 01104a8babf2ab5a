#ifndef SAMSYN_CMARK_GFM_SHIM_H
#define SAMSYN_CMARK_GFM_SHIM_H
// The public headers of Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
// The private headers under /usr/include/cmark-gfm/ are deliberately not used.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
