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
}
