import Testing
@testable import TeigenBuild

/// Finding `{{#image}}` markers in rendered HTML.
@Suite struct ImageMarkersTests {
    @Test func holdsMarkerFindsTheMarkerAnywhereAndNothingElse() {
        let marker = String(Unicode.Scalar(0xFDD0)!) + "image"
        #expect(!ImageMarkers.holdsMarker(""))
        #expect(!ImageMarkers.holdsMarker("<p>提言！（全角）ｱ</p>"), "other scalars encoded from 0xEF are no marker")
        #expect(ImageMarkers.holdsMarker(marker))
        #expect(ImageMarkers.holdsMarker("<p>！" + marker + "0</p>"))
        #expect(ImageMarkers.holdsMarker(String(repeating: "！", count: 1000) + String(Unicode.Scalar(0xFDD0)!)))
    }
}
