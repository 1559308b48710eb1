import Foundation

extension Data {
    /// Runs `body` with the bytes' address, keeping libvips's typed failure (Data's own `withUnsafeBytes`
    /// rethrows any error untyped). Images opened from the bytes must not outlive `body`.
    func withVipsBytes<Value>(_ body: (UnsafeRawBufferPointer) throws(VipsFailure) -> Value) throws(VipsFailure) -> Value {
        let result: Result<Value, VipsFailure> = withUnsafeBytes { bytes in
            Result { () throws(VipsFailure) -> Value in try body(bytes) }
        }
        return try result.get()
    }
}
