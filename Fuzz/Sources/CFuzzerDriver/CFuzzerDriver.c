// Nothing to compile: the target only declares libFuzzer's LLVMFuzzerRunDriver for Swift.
#include "CFuzzerDriver.h"
