import ArgumentParser
import TeigenBuild

/// The `teigen` command: a thin front over the build pipeline and the preview server.
@main
struct Teigen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teigen",
        abstract: "A static site generator for serious publishing that gets Japanese right.",
        discussion: """
            Builds site/ (Markdown with YAML front matter) with theme/ (Mustache templates and assets) into public/.
            Run 'teigen help <command>' for the options of a command.
            """,
        version: TeigenVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, MarkdownCommand.self]
    )

    /// Runs the command the arguments name. `teigen markdown` with plain arguments (its flags, `--lang` and the
    /// file) runs without swift-argument-parser's parse, which reflects over every command type and took
    /// three quarters of the start-up of a one-shot conversion (README "Architecture"); everything else,
    /// help and errors included, goes through swift-argument-parser.
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == MarkdownCommand.configuration.commandName,
            let invocation = MarkdownInvocation(arguments: arguments.dropFirst())
        {
            do {
                try await invocation.run()
            } catch {
                MarkdownCommand.exit(withError: error)
            }
            return
        }
        await main(nil)
    }
}
