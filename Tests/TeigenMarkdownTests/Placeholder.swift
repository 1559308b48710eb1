import Testing
@testable import TeigenMarkdown
