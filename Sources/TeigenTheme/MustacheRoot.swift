import Mustache
import TeigenCore

/// The top of a page's context as swift-mustache sees it: `site`, `page`, `data` and the lambdas.
///
/// A struct rather than a `[String: Any]`: swift-mustache asks every object on its context stack whether
/// it is a `MustacheParent`, and for a dictionary that is a conditional conformance the runtime checks
/// anew each time; a plain conformance is cheaper, and nothing is copied into a dictionary per page.
struct MustacheRoot: MustacheParent {
    let context: [String: TemplateValue]
    /// Lambdas win over context values of the same name (as when both were in one dictionary).
    let lambdas: [String: MustacheLambda]

    func child(named name: String) -> Any? {
        if let lambda = lambdas[name] { return lambda }
        return context[name].flatMap(MustacheValue.present)
    }
}
