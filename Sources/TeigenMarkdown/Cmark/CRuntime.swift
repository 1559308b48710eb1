#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Frees a string libcmark allocated with `malloc` (the rendered HTML).
func releaseCString(_ pointer: UnsafeMutablePointer<CChar>) {
    free(pointer)
}

/// The length in bytes of a NUL-terminated string.
func cStringLength(_ pointer: UnsafePointer<CChar>) -> Int {
    strlen(pointer)
}
