import TeigenCore

/// Renders a theme's compiled templates (``TemplateNode``s) with a page's ``TemplateContext``, with
/// swift-mustache's rules: names looked up down the context stack, sections over lists, booleans, values and
/// lambdas, inverted sections, partials with their indentation, template inheritance, transforms, and
/// `{{x}}` escaped with `HTMLText`.
///
/// Teigen's own rather than swift-mustache's `render`: that one asks of every value, at every tag, which of a
/// dozen protocols it conforms to (dynamic casts and conformance lookups were about a fifth of the own theme's
/// build), splits each name on every lookup, copies the context stack for each section and builds each
/// template's output as a string of its own; this one reads `TemplateValue`s directly, splits names once, and
/// writes into one ``RenderOutput``. The output is byte-identical (`TemplateRendererTests` renders both ways).
struct TemplateRenderer {
    /// The compiled templates, by name.
    let templates: [String: TemplateBody]

    /// Renders template `name` (empty when there is none); `above`, when given, lies on the stack over the context.
    func render(_ name: String, context: TemplateContext, above: RenderValue? = nil) -> String {
        guard let body = templates[name] else { return "" }
        var run = Run(templates: templates, stack: [.root(RenderValue.rootNames(of: context))] + (above.map { [$0] } ?? []))
        run.render(body, position: nil, indentation: nil, inherited: nil)
        return run.output.finish()
    }

    /// One rendering: the output so far and the context stack.
    private struct Run {
        let templates: [String: TemplateBody]
        var stack: [RenderValue]
        var output: RenderOutput

        init(templates: [String: TemplateBody], stack: [RenderValue]) {
            self.templates = templates
            self.stack = stack
            output = RenderOutput(capacity: 16_384)
        }

        mutating func render(_ body: TemplateBody, position: SequencePosition?, indentation: String?, inherited: [String: TemplateBody]?) {
            guard let indentation, !indentation.isEmpty else {
                // Each node read in place: copying it out of the list costs a reference count for each of its parts.
                body.nodes.withUnsafeBufferPointer { nodes in
                    for index in nodes.indices { render(nodes[index], position: position, indentation: indentation, inherited: inherited) }
                }
                return
            }
            // In an indented partial, the indentation goes before each node's output that starts a line of it.
            var local = RenderOutput()
            swap(&local, &output)
            body.nodes.withUnsafeBufferPointer { nodes in
                for index in nodes.indices {
                    var piece = RenderOutput()
                    swap(&piece, &output)
                    render(nodes[index], position: position, indentation: indentation, inherited: inherited)
                    swap(&piece, &output)
                    if !piece.isEmpty, output.endsWithNewline { output.append(indentation) }
                    output.append(piece)
                }
            }
            swap(&local, &output)
            output.append(local)
        }

        mutating func render(_ node: TemplateNode, position: SequencePosition?, indentation: String?, inherited: [String: TemplateBody]?) {
            switch node {
            case .text(let text):
                output.append(text)
            case .variable(let name, let escaped):
                switch resolve(name, position: position) {
                case .lambda(let lambda)?:
                    renderLambda(lambda, text: "", escaped: escaped)
                case let value?:
                    if escaped { output.appendEscaped(value.text) } else { output.append(value.text) }
                case nil:
                    break
                }
            case .section(let name, let body):
                let value = resolve(name, position: position)
                if case .lambda(let lambda)? = value {
                    renderLambda(lambda, text: body.text, escaped: false)
                } else {
                    renderSection(value, body: body, position: position, indentation: indentation, inherited: inherited)
                }
            case .invertedSection(let name, let body):
                switch resolve(name, position: position) {
                case nil, .value(.bool(false))?:
                    render(body, position: position, indentation: indentation, inherited: inherited)
                case .value(.array(let items))? where items.isEmpty:
                    stack.append(.value(.array(items)))
                    render(body, position: nil, indentation: indentation, inherited: inherited)
                    stack.removeLast()
                default:
                    break
                }
            case .block(let name, let fallback, let indented):
                render(inherited?[name] ?? fallback, position: nil, indentation: Self.adding(indented, to: indentation), inherited: inherited)
            case .partial(let name, let indented, let overrides):
                renderPartial(name, indented: indented, overrides: overrides, indentation: indentation, inherited: inherited)
            case .dynamicPartial(let name, let indented, let overrides):
                guard case .value(.string(let partial))? = resolve(name, position: position) else { return }
                renderPartial(partial, indented: indented, overrides: overrides, indentation: indentation, inherited: inherited)
            }
        }

        mutating func renderSection(_ value: RenderValue?, body: TemplateBody, position: SequencePosition?, indentation: String?,
                                    inherited: [String: TemplateBody]?) {
            switch value {
            case nil, .value(.bool(false))?:
                return
            case .value(.bool(true))?:
                render(body, position: position, indentation: indentation, inherited: inherited)
            case .value(.array(let items))?:
                for (index, item) in items.enumerated() {
                    stack.append(RenderValue.element(item))
                    let position = SequencePosition(first: index == 0, last: index == items.count - 1, index: index)
                    render(body, position: position, indentation: indentation, inherited: inherited)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(body, position: nil, indentation: indentation, inherited: inherited)
                stack.removeLast()
            }
        }

        /// A lambda's result: a template (rendered over the top of the stack, as swift-mustache does) or text.
        mutating func renderLambda(_ lambda: TemplateLambda, text: String, escaped: Bool) {
            var result = lambda.result(for: text)
            if escaped, case .parsed = result {
                // `{{lambda}}` escapes the result before parsing it: parse it again.
                result = .template(lambda.function(text))
            }
            switch result {
            case .text(let result):
                if escaped { output.appendEscaped(result) } else { output.append(result) }
            case .parsed(let body):
                renderSection(stack.last, body: body, position: nil, indentation: nil, inherited: nil)
            case .template(let result):
                let source = escaped ? HTMLText.escape(result) : result
                let body: TemplateBody
                if source.contains("{{") {
                    guard let parsed = TokenReader.lambdaResult(source) else { return }
                    body = parsed
                } else {
                    // A template without tags is its text (not parsed: parsing would find nothing but it).
                    body = TemplateBody(nodes: [.text(source)], text: source)
                }
                renderSection(stack.last, body: body, position: nil, indentation: nil, inherited: nil)
            }
        }

        mutating func renderPartial(_ name: String, indented: String?, overrides: [String: TemplateBody]?, indentation: String?,
                                    inherited: [String: TemplateBody]?) {
            guard let template = templates[name] else { return }
            var merged = inherited
            if let overrides {
                // The outermost override of a block wins.
                merged = inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(template, position: nil, indentation: Self.adding(indented, to: indentation), inherited: merged)
        }

        static func adding(_ indented: String?, to indentation: String?) -> String? {
            guard let indented else { return indentation }
            return (indentation ?? "") + indented
        }

        /// What `name` reads: its first part looked up down the stack (or on its top), the rest in what that
        /// found, then the transforms applied, innermost first.
        func resolve(_ name: TemplateName, position: SequencePosition?) -> RenderValue? {
            var value: RenderValue?
            switch name.start {
            case .top:
                value = stack.last
            case .sequence:
                guard let position, let innermost = name.transforms.last else { return nil }
                value = position.transformed(innermost)
                return value.flatMap { applying(name.transforms.dropLast(), to: $0) }
            case .topOnly:
                value = stack.last.flatMap { descend(name.parts[...], from: $0) }
            case .stack:
                guard let first = name.parts.first else { return nil }
                // The first value that has the name, read in place from the top of the stack down.
                let found: RenderValue? = stack.withUnsafeBufferPointer { stack in
                    for index in stack.indices.reversed() {
                        if let found = stack[index].child(named: first) { return found }
                    }
                    return nil
                }
                if let found { value = descend(name.parts.dropFirst(), from: found) }
            }
            guard let value else { return nil }
            return applying(name.transforms[...], to: value)
        }

        private func descend(_ parts: ArraySlice<String>, from value: RenderValue) -> RenderValue? {
            var value = value
            for part in parts {
                // A lambda in the middle of a name is called with no text; its result has no children.
                if case .lambda = value { return nil }
                guard let child = value.child(named: part) else { return nil }
                value = child
            }
            return value
        }

        private func applying(_ transforms: ArraySlice<String>, to value: RenderValue) -> RenderValue? {
            var value = value
            for transform in transforms.reversed() {
                guard let result = value.transformed(transform) else { return nil }
                value = result
            }
            return value
        }
    }
}
