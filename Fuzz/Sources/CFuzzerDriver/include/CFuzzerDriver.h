// libFuzzer's driver, started from Swift's `@main` (see Fuzz/Sources/*/FuzzerMain.swift).
#ifndef TEIGEN_CFUZZERDRIVER_H
#define TEIGEN_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the command line `argc`/`argv` and the test function `callback`
/// (exported by libclang_rt.fuzzer, which `-sanitize=fuzzer` links).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
