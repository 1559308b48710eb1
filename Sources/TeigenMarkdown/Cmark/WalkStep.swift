/// What a tree walk does after visiting a node.
enum WalkStep {
    case proceed
    /// On enter: go straight to this node's exit.
    case skipChildren
    /// End the walk now.
    case stop
}
