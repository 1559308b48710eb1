import Testing
@testable import TeigenCore
