// xxHash (Debian's libxxhash-dev): XXH3's 128-bit hash for the render cache's keys and the integrity check of its files.
#include <xxhash.h>
