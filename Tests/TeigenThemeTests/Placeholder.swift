import Testing
@testable import TeigenTheme
