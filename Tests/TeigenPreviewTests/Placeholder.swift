import Testing
@testable import TeigenPreview
