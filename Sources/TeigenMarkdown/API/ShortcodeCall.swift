/// A shortcode written in Markdown: `{{< figure src="map.png" caption="地図" >}}`, or paired around
/// Markdown: `{{< note kind="warning" >}}…{{< /note >}}`. Code spans and code blocks leave the syntax alone.
public struct ShortcodeCall: Sendable, Hashable {
    /// The shortcode's name (`figure`).
    public var name: String
    /// The arguments in the order written.
    public var arguments: [ShortcodeArgument]
    /// Whether the call is paired (`{{< note >}}…{{< /note >}}`): its HTML should hold ``innerMarker``
    /// where the inner content goes.
    public var isPaired: Bool

    /// What a paired shortcode's HTML holds where its inner content goes (Unicode noncharacters, which never
    /// appear in text): the converter writes the inner Markdown's HTML there.
    public static let innerMarker = String(Unicode.Scalar(0xFDD0)!) + "inner" + String(Unicode.Scalar(0xFDD1)!)

    public init(name: String, arguments: [ShortcodeArgument], isPaired: Bool) {
        self.name = name
        self.arguments = arguments
        self.isPaired = isPaired
    }
}

/// One argument of a shortcode: `caption="地図"` (named) or `"地図"` (positional, `name` nil).
public struct ShortcodeArgument: Sendable, Hashable {
    public var name: String?
    public var value: String

    public init(name: String?, value: String) {
        self.name = name
        self.value = value
    }
}

/// What a shortcode writes (``ShortcodeRenderer``).
public enum ShortcodeOutcome: Sendable, Hashable {
    /// The shortcode's HTML; a paired call's holds ``ShortcodeCall/innerMarker`` once. `resources` names
    /// the files it refers to that the caller must publish (``RenderedMarkdown/resources``); `warnings` are
    /// reported at the call (an image without alt text).
    case html(String, resources: [String] = [], warnings: [String] = [])
    /// An error (an unknown shortcode, a bad argument) at the shortcode, or at argument `argument` (an index
    /// into ``ShortcodeCall/arguments``) when given.
    case failure(String, argument: Int?)
}

/// Renders a shortcode; called once per call, from any thread.
public typealias ShortcodeRenderer = @Sendable (ShortcodeCall) -> ShortcodeOutcome

extension ShortcodeArgument {
    /// Reads arguments written as in a shortcode tag (`src="map.png" alt="地図"`), for other places that
    /// take the same syntax (the `{{#image}}` template lambda). Returns the arguments, or nil and what is wrong.
    public static func parse(list text: String) -> (arguments: [ShortcodeArgument], problem: String?) {
        let tag = Array("{{< a ".utf8) + Array(text.utf8) + Array(" >}}".utf8)
        do throws(ShortcodeTag.SyntaxError) {
            return (try ShortcodeTag.parse(tag[...]).arguments.map(\.argument), nil)
        } catch {
            return ([], error.message)
        }
    }
}
