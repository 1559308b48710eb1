import Testing
@testable import TeigenContent
