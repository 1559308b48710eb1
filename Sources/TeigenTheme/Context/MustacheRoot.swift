import Mustache
import TeigenCore

/// The top of a page's context as swift-mustache sees it: the lambdas, the page's own values, then the
/// shared ones (see ``TemplateContext``).
///
/// A struct rather than a `[String: Any]`: swift-mustache asks every object on its context stack whether
/// it is a `MustacheParent`, and for a dictionary that is a conditional conformance the runtime checks
/// anew each time; a plain conformance is cheaper, and nothing is copied into a dictionary per page.
struct MustacheRoot: MustacheParent {
    let context: TemplateContext
    let lambdas: [String: MustacheLambda]

    init(_ context: TemplateContext) {
        self.context = context
        lambdas = context.shared.lambdas.mapValues { lambda in MustacheLambda { text in lambda(text) } }
    }

    func child(named name: String) -> Any? {
        if let lambda = lambdas[name] { return lambda }
        switch (context.own[name], context.shared.values[name]) {
        case (let own?, let shared?): return MustacheValue.present(own, over: shared)
        case (let own?, nil): return MustacheValue.present(own)
        case (nil, let shared?): return MustacheValue.present(shared)
        case (nil, nil): return nil
        }
    }
}
