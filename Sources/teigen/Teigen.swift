import ArgumentParser

@main
struct Teigen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "teigen", abstract: "A static site generator that gets Japanese right.")
}
