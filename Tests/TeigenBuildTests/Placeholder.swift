import Testing
@testable import TeigenBuild
